# One Dockerfile for every service: docker build --build-arg SERVICE=ingest --build-arg MAIN=io.telejobs.ingest.IngestApp .
# docker-compose.yml builds ingest, matcher, notifier and analytics from it.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl ingest,matcher,notifier,analytics -am package dependency:copy-dependencies -DincludeScope=runtime

FROM eclipse-temurin:17-jre
ARG SERVICE
ARG MAIN
ENV MAIN_CLASS=${MAIN}
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*.jar /app/lib/
COPY --from=build /src/${SERVICE}/target/dependency/ /app/lib/
RUN useradd --system --uid 10001 telejobs && mkdir -p /app/state && chown telejobs /app/state
USER telejobs
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp '/app/lib/*' \"$MAIN_CLASS\""]

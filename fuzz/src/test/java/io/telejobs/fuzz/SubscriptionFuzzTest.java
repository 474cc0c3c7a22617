package io.telejobs.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.telejobs.contracts.Json;
import io.telejobs.net.AddressPolicy;
import io.telejobs.notifier.subscriptions.SubscriptionRequest;
import io.telejobs.notifier.subscriptions.SubscriptionValidator;
import io.telejobs.notifier.subscriptions.WebhookPolicy;
import java.io.IOException;

/**
 * The subscription API's body on any bytes: JSON that cannot be read is the client's error; a request that
 * can be read is either valid or gets its field errors, never an exception.
 */
class SubscriptionFuzzTest {
  /**
   * Names are not resolved here: the system resolver's own timeout is not the validator's work (the fuzzer
   * found "https://hoo536/x" taking 5 s, the resolver's timeout on this machine, which has no DNS).
   */
  private static final SubscriptionValidator VALIDATOR =
      new SubscriptionValidator(new WebhookPolicy(AddressPolicy.withAllowlist("hooks.example.com"), host -> {
        throw new java.net.UnknownHostException(host);
      }));

  @FuzzTest
  void validatesAnyRequest(FuzzedDataProvider data) {
    byte[] body = data.consumeRemainingAsBytes();
    Bounded.run("validating a subscription", () -> {
      SubscriptionRequest request;
      try {
        request = Json.mapper().readValue(body, SubscriptionRequest.class);
      } catch (IOException e) {
        return; // answered as a 400 by the API
      }
      SubscriptionValidator.Result r = VALIDATOR.validate(request);
      if (r.ok() && r.criteria() == null) {
        throw new AssertionError("valid without criteria");
      }
    });
  }
}

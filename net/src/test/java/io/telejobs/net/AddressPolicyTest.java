package io.telejobs.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one address policy, on literal addresses only: nothing here resolves a name or connects. */
class AddressPolicyTest {
  private final AddressPolicy policy = AddressPolicy.publicOnly();

  @ParameterizedTest(name = "{0} refused as {1}")
  @CsvSource(delimiter = '|', textBlock = """
      127.0.0.1          | loopback
      127.255.255.254    | loopback
      10.1.2.3           | private
      172.16.0.1         | private
      172.31.255.255     | private
      192.168.1.1        | private
      169.254.169.254    | link-local
      100.100.100.200    | shared
      100.64.0.1         | shared
      100.127.255.254    | shared
      0.0.0.0            | this network
      0.1.2.3            | this network
      192.0.0.8          | IETF
      192.0.2.10         | documentation
      198.18.0.1         | benchmarking
      198.19.255.1       | benchmarking
      198.51.100.7       | documentation
      203.0.113.9        | documentation
      224.0.0.251        | multicast
      239.255.255.250    | multicast
      240.0.0.1          | reserved
      255.255.255.255    | broadcast
      192.88.99.1        | 6to4 relay
      ::1                | loopback
      ::                 | unspecified
      fe80::1            | link-local
      fc00::1            | unique-local
      fd12:3456::1       | unique-local
      fec0::1            | site-local
      ff02::1            | multicast
      2001:db8::1        | documentation
      2001::1            | IETF
      100::1             | discard
      ::ffff:127.0.0.1   | loopback
      ::ffff:169.254.169.254 | link-local
      ::127.0.0.1        | loopback
      ::10.0.0.1         | private
      64:ff9b::a9fe:a9fe | link-local
      64:ff9b::7f00:1    | loopback
      2002:a9fe:a9fe::1  | link-local
      2002:7f00:1::      | loopback
      2002:c0a8:101::1   | private
      64:ff9b:1::1       | translation
      3fff::1            | documentation
      4000::1            | outside global unicast
      """)
  void refusesSpecialPurposeAddresses(String address, String kind) throws Exception {
    String why = policy.problemWithAddress(InetAddress.getByName(address));
    assertThat(why).as(address).isNotNull().containsIgnoringCase(kind.split(" ")[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255",
      "172.32.0.1", "192.0.1.1", "198.17.255.255", "198.20.0.1", "223.255.255.255", "2606:4700::1111",
      "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"})
  void allowsGloballyReachableAddresses(String address) throws Exception {
    assertThat(policy.problemWithAddress(InetAddress.getByName(address))).as(address).isNull();
  }

  @Nested
  class Urls {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        https://hooks.example.com:65536/x   | port
        https://hooks.example.com:0/x       | port
        https://hooks.example.com:99999999999/x | port
        https://hooks.example.com:abc/x     | port
        https://hooks.example.com:/x        | port
        ftp://hooks.example.com/x           | http or https
        javascript:alert(1)                 | http or https
        https://user:pw@hooks.example.com/x | user name
        https:///x                          | host
        http://169.254.169.254/latest/meta-data | link-local
        http://100.100.100.200/             | shared
        http://[::ffff:127.0.0.1]:8080/     | loopback
        http://[64:ff9b::a9fe:a9fe]/        | link-local
        http://[2002:a9fe:a9fe::]/          | link-local
        http://0.0.0.0:8080/                | this network
        http://255.255.255.255/             | broadcast
        not a url                           | valid URL
        """)
    void refusesBadUrlsWithoutResolving(String url, String why) {
      assertThat(policy.problemWithUrl(url)).as(url).isNotNull().contains(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/x", "https://hooks.example.com:443/x",
        "http://hooks.example.com:65535/", "https://hooks.example.com:1/", "https://93.184.216.34/hook"})
    void acceptsPublicUrls(String url) {
      assertThat(policy.problemWithUrl(url)).as(url).isNull();
    }

    @Test
    void allowlistedHostsPassWhateverTheyAre() {
      AddressPolicy local = AddressPolicy.withAllowlist("127.0.0.1, Localhost ,[::1]");
      assertThat(local.problemWithUrl("http://127.0.0.1:8080/hook")).isNull();
      assertThat(local.problemWithUrl("http://localhost:8080/hook")).isNull();
      assertThat(local.problemWithUrl("http://[::1]:8080/hook")).isNull();
      assertThat(local.problemWithUrl("http://127.0.0.2:8080/hook")).contains("loopback");
      assertThat(local.problemWithUrl("http://127.0.0.1:65536/hook")).contains("port");
    }
  }

  @Test
  void resolvingALiteralKeepsOnlyAllowedAddresses() throws Exception {
    assertThatThrownBy(() -> policy.resolve("127.0.0.1"))
        .isInstanceOf(AddressRefusedException.class)
        .hasMessageContaining("loopback");
    assertThat(policy.resolve("8.8.8.8")).extracting(InetAddress::getHostAddress).containsExactly("8.8.8.8");
    assertThat(new AddressPolicy(Set.of("127.0.0.1")).resolve("127.0.0.1")).hasSize(1);
  }

  @Test
  void unwrapsOnlyRealEmbeddings() throws Exception {
    assertThat(AddressPolicy.embeddedV4(InetAddress.getByName("2606:4700::1111").getAddress())).isNull();
    assertThat(AddressPolicy.embeddedV4(InetAddress.getByName("::1").getAddress())).isNull();
    assertThat(AddressPolicy.embeddedV4(InetAddress.getByName("64:ff9b::1:a9fe:a9fe").getAddress())).isNull();
  }
}

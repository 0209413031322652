package io.linli.org;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The few calls of Keycloak's Admin REST API that the tree's group sync needs, with a
 * client-credentials token of its own confidential client (not the identity plugin's read-only
 * one): groups by path, created along their path when missing (409 Conflict = it exists), users by
 * exact username, a group's members, joining and leaving a group. Short timeouts, so that a
 * Keycloak that is down fails a sync fast. One {@link Session} per sync: one token, and the ids it
 * has looked up.
 */
final class KeycloakGroupAdmin {

  private final RestClient http;
  private final String tokenUri;
  private final String adminBase;
  private final String clientId;
  private final String clientSecret;

  KeycloakGroupAdmin(String internalUrl, String realm, String clientId, String clientSecret) {
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    factory.setReadTimeout(Duration.ofSeconds(10));
    this.http = RestClient.builder().requestFactory(factory).build();
    this.tokenUri = internalUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    this.adminBase = internalUrl + "/admin/realms/" + realm;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  Session session() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", clientId);
    form.add("client_secret", clientSecret);
    JsonNode token =
        http.post()
            .uri(tokenUri)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .body(JsonNode.class);
    return new Session(token.get("access_token").asText());
  }

  final class Session {

    private final String bearer;
    private final Map<String, String> groupIds = new HashMap<>();
    private final Map<String, Optional<String>> userIds = new HashMap<>();
    int groupsCreated;

    private Session(String token) {
      this.bearer = "Bearer " + token;
    }

    /**
     * The id of the group at this path ({@code communities/tfsq/grid/g1/grid-worker}), creating it
     * and its missing parents; the new leaf gets the label as attribute {@code label}.
     */
    String group(String path, String label) {
      String known = groupIds.get(path);
      if (known != null) return known;
      String id = byPath(path).orElse(null);
      if (id == null) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (label != null) body.put("attributes", Map.of("label", java.util.List.of(label)));
        URI target =
            slash < 0
                ? admin("groups")
                : admin("groups", group(path.substring(0, slash), null), "children");
        try {
          http.post()
              .uri(target)
              .header(HttpHeaders.AUTHORIZATION, bearer)
              .contentType(MediaType.APPLICATION_JSON)
              .body(body)
              .retrieve()
              .toBodilessEntity();
          groupsCreated++;
        } catch (HttpClientErrorException.Conflict exists) {
          // made meanwhile (another node, or by hand): fine
        }
        id =
            byPath(path)
                .orElseThrow(() -> new IllegalStateException("group not found after create"));
      }
      groupIds.put(path, id);
      return id;
    }

    private Optional<String> byPath(String path) {
      UriComponentsBuilder b =
          UriComponentsBuilder.fromUriString(adminBase).pathSegment("group-by-path");
      b.pathSegment(path.split("/"));
      try {
        JsonNode g = get(b.build().encode().toUri());
        return Optional.of(g.get("id").asText());
      } catch (HttpClientErrorException.NotFound missing) {
        return Optional.empty();
      }
    }

    /** The Keycloak id of the user with exactly this username, if the realm has one. */
    Optional<String> user(String username) {
      return userIds.computeIfAbsent(
          username.toLowerCase(java.util.Locale.ROOT),
          u -> {
            URI target =
                UriComponentsBuilder.fromUriString(adminBase)
                    .pathSegment("users")
                    .queryParam("username", u)
                    .queryParam("exact", true)
                    .queryParam("briefRepresentation", true)
                    .build()
                    .encode()
                    .toUri();
            for (JsonNode n : get(target)) {
              if (u.equalsIgnoreCase(n.path("username").asText()))
                return Optional.of(n.get("id").asText());
            }
            return Optional.empty();
          });
    }

    /** The group's direct members: Keycloak user id → username. */
    Map<String, String> members(String groupId) {
      Map<String, String> out = new LinkedHashMap<>();
      int page = 200;
      for (int first = 0; ; first += page) {
        URI target =
            UriComponentsBuilder.fromUriString(adminBase)
                .pathSegment("groups", groupId, "members")
                .queryParam("first", first)
                .queryParam("max", page)
                .queryParam("briefRepresentation", true)
                .build()
                .encode()
                .toUri();
        JsonNode list = get(target);
        for (JsonNode n : list) out.put(n.get("id").asText(), n.path("username").asText());
        if (list.size() < page) return out;
      }
    }

    void join(String userId, String groupId) {
      http.put()
          .uri(admin("users", userId, "groups", groupId))
          .header(HttpHeaders.AUTHORIZATION, bearer)
          .retrieve()
          .toBodilessEntity();
    }

    void leave(String userId, String groupId) {
      http.delete()
          .uri(admin("users", userId, "groups", groupId))
          .header(HttpHeaders.AUTHORIZATION, bearer)
          .retrieve()
          .toBodilessEntity();
    }

    private JsonNode get(URI target) {
      return http.get()
          .uri(target)
          .header(HttpHeaders.AUTHORIZATION, bearer)
          .accept(MediaType.APPLICATION_JSON)
          .retrieve()
          .body(JsonNode.class);
    }

    private URI admin(String... segments) {
      return UriComponentsBuilder.fromUriString(adminBase)
          .pathSegment(segments)
          .build()
          .encode()
          .toUri();
    }
  }
}

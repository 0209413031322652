package io.linli.points;

import io.linli.community.CommunityDirectory;
import io.linli.system.ApiError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's 爱心商铺: the demo user {@code shop1} (identity.DemoIdentity, keycloak-realm) registered
 * as 王记粮油店 of 天府社区, once. Demo only, like the demo users.
 */
@Component
@ConditionalOnProperty(prefix = "linli.demo", name = "identity", havingValue = "true")
class DemoShops {

  static final String USER = "shop1";

  private final Shops shops;
  private final CommunityDirectory directory;

  DemoShops(Shops shops, CommunityDirectory directory) {
    this.shops = shops;
    this.directory = directory;
  }

  @EventListener(ApplicationReadyEvent.class)
  void register() {
    if (directory.community("tfsq").isEmpty() || shops.byUser(USER).isPresent()) return;
    try {
      shops.register("tfsq", "王记粮油店", "地铁首座小区南门商铺3号（米、面、油）", USER, null);
    } catch (ApiError e) {
      // another node registered it first
    }
  }
}

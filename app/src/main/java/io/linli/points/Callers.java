package io.linli.points;

import io.linli.identity.ActingUser;
import io.linli.system.ApiError;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who calls a points endpoint. A resident: the account a wallet token opens ({@value #WALLET}
 * header), else the signed-in realm user's own account ({@link ActingUser}; the {@code
 * X-Linli-User} header in the default profile, which has no sign-in). A shop: the registered shop
 * of the signed-in user. Nobody reaches another's points: the account is never a parameter.
 */
@Component
class Callers {

  static final String WALLET = "X-Points-Token";
  static final String USER = "X-Linli-User";

  private final Wallets wallets;
  private final ActingUser actingUser;
  private final Residents residents;
  private final Ledger ledger;
  private final Shops shops;

  Callers(Wallets wallets, ActingUser actingUser, Residents residents, Ledger ledger, Shops shops) {
    this.wallets = wallets;
    this.actingUser = actingUser;
    this.residents = residents;
    this.ledger = ledger;
    this.shops = shops;
  }

  /** The caller's own account; 403 when the caller is neither a wallet nor a signed-in user. */
  long resident(String walletToken, String userHeader) {
    if (walletToken != null && !walletToken.isEmpty()) {
      return wallets
          .account(walletToken)
          .orElseThrow(() -> ApiError.forbidden("积分凭证无效或已过期，请重新验证手机号"));
    }
    Optional<String> user = user(userHeader);
    if (user.isEmpty()) throw ApiError.forbidden("请先用案件编号和手机号验证身份，或登录");
    return ledger.resident(residents.user(user.get()), null);
  }

  Shops.Shop shop(String userHeader) {
    return user(userHeader)
        .flatMap(shops::byUser)
        .orElseThrow(() -> ApiError.forbidden("只有已登记的爱心商铺可以兑换积分、查看对账单"));
  }

  Optional<String> user(String userHeader) {
    Optional<String> user = actingUser.of(userHeader);
    if (user.isPresent() && user.get().length() > 64) throw ApiError.invalid(USER, "用户标识不能超过64字符");
    return user;
  }
}

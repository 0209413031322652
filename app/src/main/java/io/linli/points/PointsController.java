package io.linli.points;

import io.linli.community.CommunityDirectory;
import io.linli.identity.Role;
import io.linli.identity.StaffReach;
import io.linli.intake.ProofAttempt;
import io.linli.system.ApiError;
import io.linli.system.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 我的积分 and the 爱心商铺. A resident opens their points with a case (number + phone, or its watch token)
 * or their realm account, reads balance and history, and asks for a one-time redemption code; a
 * registered shop redeems a code for an amount and reads its monthly statement; the community
 * registers shops. A spend beyond the balance is 409 with the balance; a used, expired or
 * concurrent second redemption of a code is 409.
 */
@RestController
@RequestMapping("/api/points")
class PointsController {

  static final int MAX_HISTORY = 100;

  private final Callers callers;
  private final Wallets wallets;
  private final Ledger ledger;
  private final Redemptions redemptions;
  private final Shops shops;
  private final StaffReach reach;
  private final CommunityDirectory directory;
  private final PointsProperties rules;

  PointsController(
      Callers callers,
      Wallets wallets,
      Ledger ledger,
      Redemptions redemptions,
      Shops shops,
      StaffReach reach,
      CommunityDirectory directory,
      PointsProperties rules) {
    this.callers = callers;
    this.wallets = wallets;
    this.ledger = ledger;
    this.redemptions = redemptions;
    this.shops = shops;
    this.reach = reach;
    this.directory = directory;
    this.rules = rules;
  }

  record WalletRequest(String caseNo, String phone, String watchToken) {}

  record WalletAnswer(String token, Instant expiresAt, int balance) {}

  @PostMapping("/wallet")
  @ProofAttempt
  ResponseEntity<WalletAnswer> wallet(@RequestBody WalletRequest r) {
    List<ApiError.FieldMessage> bad = new ArrayList<>();
    if (r.caseNo() == null || r.caseNo().isBlank())
      bad.add(new ApiError.FieldMessage("caseNo", "请填写案件编号"));
    else if (r.caseNo().length() > 32) bad.add(new ApiError.FieldMessage("caseNo", "案件编号不能超过32字符"));
    boolean phone = r.phone() != null && !r.phone().isBlank();
    boolean token = r.watchToken() != null && !r.watchToken().isBlank();
    if (phone == token) bad.add(new ApiError.FieldMessage("phone", "请填写反映问题时留下的手机号（或提供案件凭证，二选一）"));
    if (token && r.watchToken().length() > 64)
      bad.add(new ApiError.FieldMessage("watchToken", "凭证无效"));
    if (phone && r.phone().length() > 32)
      bad.add(new ApiError.FieldMessage("phone", "请填写有效的中国大陆手机号码"));
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
    Wallets.Opened o =
        wallets.open(r.caseNo().strip(), phone ? r.phone() : null, token ? r.watchToken() : null);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new WalletAnswer(o.token(), o.expiresAt(), ledger.balance(o.account())));
  }

  record HistoryLine(Instant at, String kind, String label, int amount, String note) {}

  /**
   * @param communityCode where the account first earned (a phone's first case), null for none
   */
  record Me(
      String communityCode,
      int balance,
      int earnedToday,
      int dailyCap,
      int earnedThisMonth,
      int monthlyCap,
      List<HistoryLine> history) {}

  @GetMapping("/me")
  Me me(
      @RequestHeader(value = Callers.WALLET, required = false) String wallet,
      @RequestHeader(value = Callers.USER, required = false) String user) {
    long account = callers.resident(wallet, user);
    LocalDate today = Times.now().atZone(Times.BEIJING).toLocalDate();
    YearMonth month = YearMonth.from(today);
    List<HistoryLine> history =
        ledger.history(account, MAX_HISTORY).stream()
            .map(l -> new HistoryLine(l.at(), l.kind().name(), label(l), l.amount(), l.note()))
            .toList();
    return new Me(
        ledger.community(account),
        ledger.balance(account),
        ledger.earned(account, Ledger.start(today), Ledger.start(today.plusDays(1))),
        rules.dailyCap(),
        ledger.earned(account, Ledger.start(month), Ledger.start(month.plusMonths(1))),
        rules.monthlyCap(),
        history);
  }

  private String label(Ledger.Line l) {
    return switch (l.kind()) {
      case EARN -> rules.label(l.rule());
      case REDEEM -> "爱心商铺兑换";
      case REVERSAL -> "积分收回";
    };
  }

  record CodeAnswer(String code, Instant expiresAt, String qr, int balance) {}

  @PostMapping("/me/codes")
  ResponseEntity<CodeAnswer> code(
      @RequestHeader(value = Callers.WALLET, required = false) String wallet,
      @RequestHeader(value = Callers.USER, required = false) String user) {
    long account = callers.resident(wallet, user);
    int balance = ledger.balance(account);
    if (balance <= 0) throw new InsufficientPoints(balance, 1);
    Redemptions.Code c = redemptions.issue(account);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new CodeAnswer(c.code(), c.expiresAt(), Qr.dataUri(c.code()), balance));
  }

  record RedeemRequest(String code, Integer amount) {}

  record RedeemAnswer(long redemptionId, Instant at, int amount, String shop) {}

  @PostMapping("/redemptions")
  ResponseEntity<RedeemAnswer> redeem(
      @RequestHeader(value = Callers.USER, required = false) String user,
      @RequestBody RedeemRequest r) {
    Shops.Shop shop = callers.shop(user);
    List<ApiError.FieldMessage> bad = new ArrayList<>();
    String code = r.code() == null ? null : r.code().replaceAll("[\\s-]", "");
    if (code == null || code.isEmpty()) bad.add(new ApiError.FieldMessage("code", "请输入居民出示的兑换码"));
    else if (!code.matches("[0-9]{10}")) bad.add(new ApiError.FieldMessage("code", "兑换码为10位数字"));
    if (r.amount() == null) bad.add(new ApiError.FieldMessage("amount", "请填写兑换积分数"));
    else if (r.amount() < 1 || r.amount() > rules.maxRedemption()) {
      bad.add(new ApiError.FieldMessage("amount", "兑换积分须为1到" + rules.maxRedemption() + "之间的整数"));
    }
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
    Redemptions.Redemption done = redemptions.redeem(shop, code, r.amount());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new RedeemAnswer(done.entryId(), done.at(), done.amount(), shop.name()));
  }

  @GetMapping("/shop/statements/{month}")
  Redemptions.Statement statement(
      @RequestHeader(value = Callers.USER, required = false) String user,
      @PathVariable String month) {
    YearMonth m = month(month);
    return redemptions.statement(callers.shop(user), m);
  }

  record ShopView(long id, String name, String address) {}

  @GetMapping("/shops")
  List<ShopView> shops(@RequestParam String community) {
    community(community);
    return shops.of(community).stream()
        .map(s -> new ShopView(s.id(), s.name(), s.address()))
        .toList();
  }

  record NewShop(String communityCode, String name, String address, String userId) {}

  @PostMapping("/shops")
  ResponseEntity<ShopView> register(
      @RequestHeader(value = Callers.USER, required = false) String user, @RequestBody NewShop r) {
    List<ApiError.FieldMessage> bad = new ArrayList<>();
    if (r.communityCode() == null || directory.community(r.communityCode()).isEmpty()) {
      bad.add(new ApiError.FieldMessage("communityCode", "未知社区"));
    }
    text(bad, "name", r.name(), true, 100, "商铺名称");
    text(bad, "address", r.address(), false, 200, "地址");
    if (r.userId() == null || r.userId().isBlank())
      bad.add(new ApiError.FieldMessage("userId", "请填写商铺登录账号"));
    else if (!r.userId().matches("[A-Za-z0-9._@-]{1,64}")) {
      bad.add(new ApiError.FieldMessage("userId", "账号只能含字母、数字和 . _ @ -，不超过64字符"));
    }
    if (!bad.isEmpty()) throw ApiError.invalid(bad);
    if (!reach.inCommunity(r.communityCode(), Role.COMMUNITY_COMMITTEE, Role.GRID_WORKER)
        && !reach.streetAbove(r.communityCode())) {
      throw ApiError.forbidden("只有本社区的社区党委、网格员或街道党工委可以登记爱心商铺");
    }
    Shops.Shop s =
        shops.register(
            r.communityCode(),
            r.name().strip(),
            r.address() == null ? null : r.address().strip(),
            r.userId(),
            callers.user(user).orElse(null));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new ShopView(s.id(), s.name(), s.address()));
  }

  @ExceptionHandler(InsufficientPoints.class)
  ResponseEntity<ProblemDetail> insufficient(InsufficientPoints e) {
    ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.CONFLICT);
    pd.setTitle(e.getMessage());
    pd.setProperty("balance", e.balance());
    pd.setProperty("requested", e.requested());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(pd);
  }

  void community(String code) {
    if (code == null || code.length() > 32 || directory.community(code).isEmpty()) {
      throw ApiError.invalid("community", "未知社区");
    }
  }

  static void text(
      List<ApiError.FieldMessage> bad,
      String field,
      String value,
      boolean required,
      int max,
      String label) {
    if (value == null || value.isBlank()) {
      if (required) bad.add(new ApiError.FieldMessage(field, "请填写" + label));
    } else if (value.strip().codePointCount(0, value.strip().length()) > max) {
      bad.add(new ApiError.FieldMessage(field, label + "不能超过" + max + "字"));
    }
  }

  static YearMonth month(String value) {
    YearMonth m;
    try {
      m = value.length() == 7 ? YearMonth.parse(value) : null;
    } catch (RuntimeException e) {
      m = null;
    }
    if (m == null || m.getYear() < 2000 || m.getYear() > 2099) {
      throw ApiError.invalid("month", "月份格式应为 yyyy-MM，例如 2026-03");
    }
    return m;
  }
}

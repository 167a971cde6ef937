#include "sim/demo_city_data.hpp"

#include <algorithm>
#include <optional>

namespace hearth::sim::demo {

const std::vector<CompanySpec>& Specs() {
  static const std::vector<CompanySpec> specs = {
      {"weihai",
       "威海市",
       "weihai-heat",
       "威海海晟热力有限公司（演示）",
       "鲁威供热许可〔2023〕001号（演示）",
       "WH",
       {{{"weihai-huancui", "环翠区", "371002", 7, 0, ""},
         {"weihai-wendeng", "文登区", "371003", 0, 0, "late"},
         {"weihai-rongcheng", "荣成市", "371082", 0, 0, ""}}},
       {{{"WH-CHP1", "环翠热电厂", "chp"},
         {"WH-BLR1", "文登调峰锅炉房", "boiler"},
         {"WH-WHR1", "荣成余热回收站", "waste-heat"}}},
       2300,
       4500,
       "威价〔2024〕演示1号",
       {"海滨花园", "威海卫小区", "戚谷疃小区", "文登花苑", "昆嵛佳园", "成山雅居", "金海湾小区",
        "环翠楼社区"}},
      {"zibo",
       "淄博市",
       "zibo-heat",
       "淄博鲁晟热力有限公司（演示）",
       "鲁淄供热许可〔2023〕002号（演示）",
       "ZB",
       {{{"zibo-zhangdian", "张店区", "370303", 0, 10, ""},
         {"zibo-zichuan", "淄川区", "370302", 0, 0, "missing"},
         {"zibo-zhoucun", "周村区", "370306", 0, 0, ""}}},
       {{{"ZB-CHP1", "张店热电厂", "chp"},
         {"ZB-BLR1", "淄川燃气锅炉房", "boiler"},
         {"ZB-HP1", "周村空气源热泵站", "heat-pump"}}},
       2250,
       4300,
       "淄价〔2024〕演示2号",
       {"华光花园", "齐园小区", "柳泉花苑", "般阳新村", "周村古商城小区", "鲁泰家园",
        "新村西路小区", "杏园小区"}},
  };
  return specs;
}

std::string Padded(int64_t n, int width) {
  std::string s = std::to_string(n);
  return std::string(static_cast<size_t>(std::max(0, width - static_cast<int>(s.size()))), '0') + s;
}

std::string IdNumber(Rng& rng, const std::string& region) {
  // One draw per statement: the operands of + are evaluated in no set order, so draws inside one
  // expression give another number for the same seed under another compiler.
  std::string id = region + std::to_string(rng.Between(1945, 2003));
  id += Padded(rng.Between(1, 12), 2);
  id += Padded(rng.Between(1, 28), 2);
  id += Padded(rng.Between(0, 999), 3);
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) sum += (id[i] - '0') * kWeights[i];
  return id + "10X98765432"[sum % 11];
}

std::string Phone(Rng& rng) {
  static constexpr std::array<const char*, 8> kPrefixes = {"133", "135", "138", "139",
                                                           "150", "158", "186", "189"};
  std::string phone = kPrefixes[static_cast<size_t>(rng.Between(0, 7))];
  return phone + Padded(rng.Between(0, 99999999), 8);
}

Result<std::vector<DemoLogin>> AddDemoUsers(services::AuthService& auth, const UserScopes& scopes,
                                            const std::string& password, const std::string& actor) {
  struct Account {
    std::string username, role;
    std::optional<int64_t> company, household;
    std::string scope;
  };
  std::vector<Account> accounts = {
      {"demo-admin", "admin", std::nullopt, std::nullopt, "all companies"},
      {"demo-regulator", "regulator", std::nullopt, std::nullopt, "all companies"},
  };
  // Each company its own staff, so that one complaint can be followed from the agent who takes
  // it to the technician who repairs and the manager who answers for it.
  for (const auto& c : scopes.companies) {
    for (const char* role : {"manager", "agent", "technician"}) {
      accounts.push_back(
          {"demo-" + c.code + "-" + role, role, c.id, std::nullopt, "company " + c.code});
    }
  }
  accounts.push_back({"demo-household", "household", std::nullopt, scopes.household,
                      "household " + scopes.household_code + ", with a sensor"});
  std::vector<DemoLogin> logins;
  for (const Account& a : accounts) {
    services::NewAccount account{a.username, password, a.role, a.company, a.household};
    auto user = auth.AddUser(account, actor);
    if (!user.ok()) {
      if (user.error().code == ErrorCode::kAlreadyExists) continue;  // kept as it is
      return user.error();
    }
    logins.push_back({account.username, account.password, a.role, a.scope});
  }
  return logins;
}

}  // namespace hearth::sim::demo

// The accounts and AWS Organizations organizations that a policy's owner trusts, as the command
// line names them (--trusted-accounts, --org-id). Rules read them through RuleContext::trusted()
// to tell a grant to the owner's own or a partner's account from a grant to a stranger's.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace iamlint::engine {

// "111122223333": twelve digits.
[[nodiscard]] inline bool is_account_id(std::string_view text) {
  return text.size() == 12 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "o-a1b2c3d4e5": "o-" and 10 to 32 lowercase letters or digits, as AWS Organizations writes them.
[[nodiscard]] inline bool is_org_id(std::string_view text) {
  if (text.size() < 12 || text.size() > 34 || !text.starts_with("o-")) return false;
  return std::all_of(text.begin() + 2, text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

struct TrustedParties {
  std::vector<std::string> accounts;  // 12-digit account IDs
  std::vector<std::string> org_ids;   // o-xxxxxxxxxx

  [[nodiscard]] bool trusts_account(std::string_view account) const {
    return std::find(accounts.begin(), accounts.end(), account) != accounts.end();
  }
  [[nodiscard]] bool trusts_org(std::string_view org_id) const {
    return std::find(org_ids.begin(), org_ids.end(), org_id) != org_ids.end();
  }
};

}  // namespace iamlint::engine

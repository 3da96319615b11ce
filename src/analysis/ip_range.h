// IPv4/IPv6 addresses and CIDR ranges as IpAddress/NotIpAddress take them: the condition
// family's rules check their grammar, the permission model judges how far they reach.
#pragma once

#include <arpa/inet.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamlint::analysis::ip {

struct Range {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};  // IPv4 uses the first 4
  int prefix = 0;                   // 32 or 128 when the value has no "/n"
  [[nodiscard]] int bits() const { return v6 ? 128 : 32; }
};

// "203.0.113.0/24", "2001:db8::/32", "203.0.113.7"; nullopt when not an address or CIDR.
inline std::optional<Range> parse(std::string_view text) {
  Range range;
  std::string_view address = text;
  std::size_t slash = text.find('/');
  if (slash != std::string_view::npos) address = text.substr(0, slash);
  std::string copy(address);
  range.v6 = copy.find(':') != std::string::npos;
  if (inet_pton(range.v6 ? AF_INET6 : AF_INET, copy.c_str(), range.bytes.data()) != 1)
    return std::nullopt;
  range.prefix = range.bits();
  if (slash != std::string_view::npos) {
    std::string_view digits = text.substr(slash + 1);
    if (digits.empty() || digits.size() > 3) return std::nullopt;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), range.prefix);
    if (error != std::errc() || end != digits.data() + digits.size() ||
        range.prefix > range.bits()) {
      return std::nullopt;
    }
  }
  return range;
}

// The range with its host bits cleared.
inline Range network(Range range) {
  for (int bit = range.prefix; bit < range.bits(); ++bit) {
    range.bytes[bit / 8] &= static_cast<uint8_t>(~(0x80u >> (bit % 8)));
  }
  return range;
}

inline bool has_host_bits(const Range& range) {
  return network(range).bytes != range.bytes;
}

inline std::string to_string(const Range& range) {
  char buffer[INET6_ADDRSTRLEN] = {};
  inet_ntop(range.v6 ? AF_INET6 : AF_INET, range.bytes.data(), buffer, sizeof buffer);
  return std::string(buffer) + "/" + std::to_string(range.prefix);
}

// Whether `inner` lies wholly inside `outer` (same family).
inline bool within(const Range& inner, const Range& outer) {
  if (inner.v6 != outer.v6 || inner.prefix < outer.prefix) return false;
  Range clipped = inner;
  clipped.prefix = outer.prefix;
  return network(clipped).bytes == network(outer).bytes;
}

// RFC 1918 private IPv4 ranges and RFC 4193 unique-local IPv6 addresses, which never reach
// AWS as a public source address.
inline bool is_private(const Range& range) {
  static const std::array<Range, 4> kPrivate = {*parse("10.0.0.0/8"), *parse("172.16.0.0/12"),
                                                *parse("192.168.0.0/16"), *parse("fc00::/7")};
  for (const Range& block : kPrivate) {
    if (within(range, block)) return true;
  }
  return false;
}

}  // namespace iamlint::analysis::ip

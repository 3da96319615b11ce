// {fmt}'s compiled part — vformat, the float formatting tables and the locale hooks that
// <fmt/format.h> declares but does not define — built here from Debian's headers, once.
//
// libfmt-dev ships only a shared library, and a static iamlint (see meson.build) cannot link it;
// FMT_HEADER_ONLY would compile all of this into every translation unit that formats, four times
// the compile time. The explicit instantiations are those <fmt/format.h> leaves to the library
// (its `extern template` declarations) and those the shared library exports for char.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

template locale_ref::locale_ref(const std::locale& loc);
template auto locale_ref::get<std::locale>() const -> std::locale;

template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl(locale_ref) -> char;
template void buffer<char>::append(const char*, const char*);
template void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                         locale_ref);

}  // namespace detail
FMT_END_NAMESPACE

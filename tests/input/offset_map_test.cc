#include "input/offset_map.h"

#include <doctest/doctest.h>

namespace iamlint::input {
namespace {

TEST_CASE("the identity map leaves ranges alone") {
  OffsetMap map;
  CHECK(map.is_identity());
  CHECK(map.to_outer({3, 9}) == ByteRange{3, 9});
}

TEST_CASE("verbatim pieces map each byte, replaced ones stand for their outer range whole") {
  // Inner "a\"b" decoded from outer `x"a\"b"`: 'a' at 2, the escape \" at 3..5, 'b' at 5.
  OffsetMap::Builder builder;
  builder.verbatim(1, 2);
  builder.replaced(1, {3, 5});
  builder.verbatim(1, 5);
  OffsetMap map = std::move(builder).build(6);
  CHECK_FALSE(map.is_identity());
  CHECK(map.to_outer({0, 1}) == ByteRange{2, 3});
  CHECK(map.to_outer({1, 2}) == ByteRange{3, 5});
  CHECK(map.to_outer({0, 3}) == ByteRange{2, 6});
  CHECK(map.to_outer({2, 3}) == ByteRange{5, 6});
  SUBCASE("empty ranges, and the end of the text") {
    CHECK(map.to_outer({1, 1}) == ByteRange{3, 3});
    CHECK(map.to_outer({3, 3}) == ByteRange{6, 6});
  }
}

TEST_CASE("adjacent verbatim pieces merge, so long copies cost one piece") {
  OffsetMap::Builder builder;
  builder.verbatim(4, 10);
  builder.verbatim(4, 14);
  OffsetMap map = std::move(builder).build(18);
  CHECK(map.to_outer({2, 7}) == ByteRange{12, 17});
}

TEST_CASE("an empty inner text still has its place") {
  OffsetMap map = OffsetMap::Builder().build(7);
  CHECK(map.to_outer({0, 0}) == ByteRange{7, 7});
}

TEST_CASE("then() composes two maps") {
  // Outer: a file where the middle text "%41BC" (5 bytes) sits at offset 100, verbatim.
  OffsetMap::Builder middle;
  middle.verbatim(5, 100);
  OffsetMap to_file = std::move(middle).build(105);
  // Inner "ABC" decoded from "%41BC": 'A' stands for "%41", "BC" is verbatim.
  OffsetMap::Builder inner;
  inner.replaced(1, {0, 3});
  inner.verbatim(2, 3);
  OffsetMap composed = std::move(inner).build(5).then(to_file);
  CHECK(composed.to_outer({0, 1}) == ByteRange{100, 103});
  CHECK(composed.to_outer({1, 3}) == ByteRange{103, 105});
  CHECK(composed.to_outer({0, 3}) == ByteRange{100, 105});

  SUBCASE("a verbatim piece over a replaced one takes the replaced range") {
    OffsetMap::Builder escape;
    escape.replaced(2, {40, 46});  // two bytes decoded from one \u escape
    OffsetMap outer = std::move(escape).build(46);
    OffsetMap::Builder copy;
    copy.verbatim(2, 0);
    OffsetMap through = std::move(copy).build(2).then(outer);
    CHECK(through.to_outer({1, 2}) == ByteRange{40, 46});
  }
  SUBCASE("the identity on either side") {
    CHECK(composed.then(OffsetMap()).to_outer({0, 1}) == ByteRange{100, 103});
    CHECK(OffsetMap().then(to_file).to_outer({1, 2}) == ByteRange{101, 102});
  }
}

}  // namespace
}  // namespace iamlint::input

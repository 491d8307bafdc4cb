// Images: JPEG and PNG decoded natively (real files made by ImageMagick), the texture freed
// with its owner, and RemoteImage's states (loading, failed, shown) as the test hook sees them.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/client/fake_platform.hpp"
#include "wasm/app/fonts.hpp"
#include "wasm/platform/image_codec.hpp"
#include "wasm/widgets/image.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace {

std::string make_image(const std::string& name, int width, int height) {
  auto dir = std::filesystem::temp_directory_path() / "client-image-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  // Left half red, right half blue.
  const std::string cmd = "convert -size " + std::to_string(width) + "x" + std::to_string(height) +
                          " xc:blue -fill red -draw 'rectangle 0,0 " + std::to_string(width / 2 - 1) + "," +
                          std::to_string(height) + "' '" + path + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Pixel {
  int r, g, b, a;
};
Pixel at(const platform::Image& image, int x, int y) {
  const auto* p = reinterpret_cast<const unsigned char*>(image.rgba.data()) + (size_t(y) * size_t(image.width) + size_t(x)) * 4;
  return {p[0], p[1], p[2], p[3]};
}

struct Frame {
  Frame() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;
    REQUIRE(fonts::load(io, CLIENT_FONT, 1.0f).body);
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~Frame() { ImGui::DestroyContext(); }
  const test_hook::Widget* draw(const std::function<void()>& body, const std::string& id) {
    ImGui::NewFrame();
    test_hook::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("t", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
    ImGui::Render();
    test_hook::end_frame();
    for (const auto& w : test_hook::last_frame())
      if (w.id == id) return &w;
    return nullptr;
  }
};

// The JPEG with an EXIF segment saying how to turn it (a phone's portrait photo is stored
// sideways): APP1 "Exif", a big-endian TIFF header and one IFD entry, Orientation (0x0112).
std::string with_orientation(const std::string& jpeg, int orientation) {
  std::string tiff("MM\0\x2a\0\0\0\x08", 8);
  tiff += std::string("\0\x01", 2);                                  // one entry
  tiff += std::string("\x01\x12\0\x03\0\0\0\x01", 8);                // Orientation, SHORT, 1 value
  tiff += std::string("\0", 1) + char(orientation) + std::string("\0\0", 2);  // the value, padded
  tiff += std::string("\0\0\0\0", 4);                              // no next IFD
  const std::string body = std::string("Exif\0\0", 6) + tiff;
  const std::size_t length = body.size() + 2;
  std::string segment = "\xFF\xE1";
  segment += char(length >> 8);
  segment += char(length & 0xFF);
  return jpeg.substr(0, 2) + segment + body + jpeg.substr(2);  // right after SOI
}

}  // namespace

TEST_CASE("a JPEG's EXIF orientation is applied natively, as the browser does", "[image]") {
  // Stored 64x32, red on the left half, blue on the right.
  const std::string stored = make_image("stored.jpg", 64, 32);
  struct Case {
    int orientation, width, height;
    int red_x, red_y, blue_x, blue_y;  // a pixel that must be red, one that must be blue
  };
  for (const Case& c : {Case{1, 64, 32, 8, 16, 56, 16},  // as stored
                        Case{2, 64, 32, 56, 16, 8, 16},  // mirrored: red on the right
                        Case{3, 64, 32, 56, 16, 8, 16},  // upside down: red on the right
                        Case{6, 32, 64, 16, 8, 16, 56},  // turned clockwise: red on top
                        Case{8, 32, 64, 16, 56, 16, 8},  // turned anticlockwise: red below
                        Case{5, 32, 64, 16, 8, 16, 56},  // transposed: red on top
                        Case{7, 32, 64, 16, 56, 16, 8}}) {
    INFO("orientation " << c.orientation);
    auto image = platform::decode_image_now(with_orientation(stored, c.orientation));
    REQUIRE(image.width == c.width);
    REQUIRE(image.height == c.height);
    CHECK(at(image, c.red_x, c.red_y).r > 200);
    CHECK(at(image, c.red_x, c.red_y).b < 60);
    CHECK(at(image, c.blue_x, c.blue_y).b > 200);
    CHECK(at(image, c.blue_x, c.blue_y).r < 60);
  }
  // Scaled down and turned: the sides swap after the scaling.
  auto small = platform::decode_image_now(with_orientation(stored, 6), 16);
  CHECK(small.height == 2 * small.width);
  CHECK(at(small, small.width / 2, 1).r > 200);
}

TEST_CASE("JPEG and PNG decode to RGBA natively; large ones are scaled down; junk is refused", "[image]") {
  for (const char* name : {"halves.jpg", "halves.png"}) {
    INFO(name);
    auto image = platform::decode_image_now(make_image(name, 64, 32));
    REQUIRE(image.width == 64);
    REQUIRE(image.height == 32);
    REQUIRE(image.rgba.size() == 64u * 32u * 4u);
    Pixel left = at(image, 8, 16), right = at(image, 56, 16);
    CHECK(left.r > 200);
    CHECK(left.b < 60);
    CHECK(right.b > 200);
    CHECK(right.r < 60);
    CHECK(left.a == 255);

    auto small = platform::decode_image_now(make_image(name, 64, 32), 16);
    CHECK(small.width <= 16);
    CHECK(small.height <= 16);
    CHECK(small.width == 2 * small.height);
    CHECK(at(small, 1, small.height / 2).r > 200);
  }
  CHECK(platform::decode_image_now("not an image").empty());
  CHECK(platform::decode_image_now(std::string("\xFF\xD8\xFF\xE0 truncated", 14)).empty());
  CHECK(platform::decode_image_now(std::string("\x89PNG\r\n\x1A\n broken", 15)).empty());
}

TEST_CASE("an image is fitted to the width keeping its aspect ratio, never enlarged by default", "[image]") {
  CHECK(widgets::fit_size(900, 1273, 450).x == Approx(450));
  CHECK(widgets::fit_size(900, 1273, 450).y == Approx(636.5));
  CHECK(widgets::fit_size(900, 1273, 450, 300).y == Approx(300));
  CHECK(widgets::fit_size(200, 100, 450).x == Approx(200));         // small: as it is
  CHECK(widgets::fit_size(200, 100, 450, 0, true).x == Approx(450));  // zoomed: the full width
  CHECK(widgets::fit_size(0, 100, 450).x == 0);
}

TEST_CASE("RemoteImage: loading, then the image fitted to the width; its texture freed on clear", "[image]") {
  Frame f;
  fake_platform::requests.clear();
  fake_platform::decodes.clear();
  api::Client client;
  widgets::RemoteImage letter;
  letter.load(client, "/api/v1/review/registrations/7/preview");
  REQUIRE(fake_platform::requests.size() == 1);
  CHECK(fake_platform::requests[0].path == "/api/v1/review/registrations/7/preview");
  auto draw = [&] { letter.draw("rev.letter", ui::Language::en, 300); };
  CHECK(f.draw(draw, "rev.letter.loading"));

  fake_platform::answer(0, 200, "\xFF\xD8\xFF jpeg bytes", {{"content-type", "image/jpeg"}});
  REQUIRE(fake_platform::decodes.size() == 1);
  CHECK(fake_platform::decodes[0].bytes == "\xFF\xD8\xFF jpeg bytes");
  CHECK(letter.loading());  // until decoded
  platform::Image pixels{600, 800, std::string(600 * 800 * 4, '\xFF')};
  fake_platform::decodes[0].done(pixels);
  CHECK(letter.shown());
  CHECK(fake_platform::textures.size() == 1);

  const auto* image = f.draw(draw, "rev.letter");
  REQUIRE(image);
  CHECK(image->kind == "image");
  CHECK(image->value == "600x800");
  CHECK(image->w == Approx(300));
  CHECK(image->h == Approx(400));
  CHECK(f.draw(draw, "rev.letter.zoom"));

  letter.clear();
  CHECK(fake_platform::textures.empty());
  CHECK_FALSE(f.draw(draw, "rev.letter"));
}

TEST_CASE("RemoteImage: a refusal or unreadable bytes show an error and a way out; stale replies are dropped", "[image]") {
  Frame f;
  fake_platform::requests.clear();
  fake_platform::decodes.clear();
  api::Client client;
  widgets::RemoteImage letter;
  auto draw = [&] { letter.draw("rev.letter", ui::Language::th, 300); };

  letter.load(client, "/p/1");
  fake_platform::answer(0, 404, R"({"error":{"code":"letter_not_found","message_th":"ไม่พบไฟล์","message_en":"No file","field":null}})");
  REQUIRE(letter.error());
  CHECK(letter.error()->code == "letter_not_found");
  const auto* error = f.draw(draw, "rev.letter.error");
  REQUIRE(error);
  CHECK(error->label == "ไม่พบไฟล์");
  CHECK(f.draw(draw, "rev.letter.download"));
  CHECK(f.draw(draw, "rev.letter.retry"));

  letter.load(client, "/p/2");
  fake_platform::answer(1, 200, "%PDF-1.7 not an image");
  fake_platform::decodes.back().done({});
  REQUIRE(letter.error());
  CHECK(letter.error()->code == "image_unreadable");
  CHECK(fake_platform::textures.empty());

  letter.load(client, "/p/3");  // a newer selection: the older reply must not land
  letter.load(client, "/p/4");
  fake_platform::answer(2, 200, "x");
  REQUIRE(fake_platform::decodes.size() == 2);  // /p/2, /p/3
  fake_platform::decodes.back().done({1, 1, std::string(4, '\0')});
  CHECK(letter.loading());
  CHECK_FALSE(letter.shown());
  CHECK(fake_platform::textures.empty());
}

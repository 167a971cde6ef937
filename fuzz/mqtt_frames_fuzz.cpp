// Fuzz target: the bytes a broker sends to Hearth's MQTT subscriber, split into packets and each
// decoded by its type. Properties: no crash or sanitizer report; a frame never claims more bytes
// than the buffer holds; decoded views stay inside the frame.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/mqtt/mqtt_codec.hpp"

namespace adapters = hearth::adapters;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view buffer(reinterpret_cast<const char*>(data), size);
  while (!buffer.empty()) {
    auto frame = adapters::mqtt::NextFrame(buffer, 1 << 20);
    if (!frame.ok() || !*frame) return 0;
    const adapters::mqtt::Frame& f = **frame;
    if (f.size == 0 || f.size > buffer.size()) std::abort();
    switch (f.type) {
      case adapters::mqtt::PacketType::kPublish: {
        auto p = adapters::mqtt::DecodePublish(f.flags, f.body);
        if (p.ok()) {
          auto inside = [&](std::string_view v) {
            return v.empty() || (v.data() >= f.body.data() &&
                                 v.data() + v.size() <= f.body.data() + f.body.size());
          };
          if (!inside(p->topic) || !inside(p->payload)) std::abort();
        }
        break;
      }
      case adapters::mqtt::PacketType::kConnack:
        (void)adapters::mqtt::DecodeConnack(f.body);
        break;
      case adapters::mqtt::PacketType::kSuback:
        (void)adapters::mqtt::DecodeSuback(f.body);
        break;
      case adapters::mqtt::PacketType::kPuback:
        (void)adapters::mqtt::DecodePuback(f.body);
        break;
      case adapters::mqtt::PacketType::kDisconnect:
        (void)adapters::mqtt::DecodeDisconnect(f.body);
        break;
      default:
        break;
    }
    buffer.remove_prefix(f.size);
  }
  return 0;
}

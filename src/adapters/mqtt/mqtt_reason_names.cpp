// ReasonName (mqtt_codec.hpp): the MQTT 5 reason codes (OASIS MQTT 5.0, 2.4) by name, for logs and
// errors; apart from the codec, which it does not need.
#include <cstdio>

#include "adapters/mqtt/mqtt_codec.hpp"

namespace hearth::adapters::mqtt {

std::string ReasonName(uint8_t reason) {
  const char* name = nullptr;
  switch (reason) {
    case 0x00:
      name = "success";
      break;
    case 0x01:
      name = "granted QoS 1";
      break;
    case 0x02:
      name = "granted QoS 2";
      break;
    case 0x04:
      name = "disconnect with will message";
      break;
    case 0x80:
      name = "unspecified error";
      break;
    case 0x81:
      name = "malformed packet";
      break;
    case 0x82:
      name = "protocol error";
      break;
    case 0x83:
      name = "implementation specific error";
      break;
    case 0x84:
      name = "unsupported protocol version";
      break;
    case 0x85:
      name = "client identifier not valid";
      break;
    case 0x86:
      name = "bad user name or password";
      break;
    case 0x87:
      name = "not authorized";
      break;
    case 0x88:
      name = "server unavailable";
      break;
    case 0x89:
      name = "server busy";
      break;
    case 0x8A:
      name = "banned";
      break;
    case 0x8B:
      name = "server shutting down";
      break;
    case 0x8D:
      name = "keep alive timeout";
      break;
    case 0x8E:
      name = "session taken over";
      break;
    case 0x8F:
      name = "topic filter invalid";
      break;
    case 0x93:
      name = "receive maximum exceeded";
      break;
    case 0x95:
      name = "packet too large";
      break;
    case 0x97:
      name = "quota exceeded";
      break;
    case 0x9E:
      name = "shared subscriptions not supported";
      break;
    case 0x9F:
      name = "connection rate exceeded";
      break;
    case 0xA2:
      name = "wildcard subscriptions not supported";
      break;
    default:
      name = "reason";
      break;
  }
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", reason);
  return std::string(name) + " (" + hex + ")";
}

}  // namespace hearth::adapters::mqtt

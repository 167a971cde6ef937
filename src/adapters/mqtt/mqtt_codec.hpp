// The few MQTT 5.0 packets a subscribing client needs (OASIS MQTT Version 5.0, chapter 3),
// encoded and decoded as pure functions over bytes: CONNECT/CONNACK, SUBSCRIBE/SUBACK, PUBLISH
// (received), PUBACK (sent), PINGREQ/PINGRESP, DISCONNECT.
//
// Why our own codec rather than a client library: the Paho C library (and so paho-mqtt-cpp, and
// libmosquitto) sends the PUBACK of a QoS 1 message as soon as it arrives, *before* the
// application's callback runs (paho.mqtt.c MQTTProtocol_handlePublishes; paho.mqtt.c#522,
// paho.mqtt.cpp#353). Hearth promises that an acknowledged reading is a stored reading, so the
// PUBACK must follow the database commit: mqtt_subscriber.cpp sends it itself.
//
// No I/O here. Decoders take a packet's body (the bytes after the fixed header) and return
// invalid_argument for a malformed packet; the caller then closes the connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hearth::adapters::mqtt {

enum class PacketType : uint8_t {
  kConnect = 1,
  kConnack = 2,
  kPublish = 3,
  kPuback = 4,
  kPubrec = 5,
  kPubrel = 6,
  kPubcomp = 7,
  kSubscribe = 8,
  kSuback = 9,
  kUnsubscribe = 10,
  kUnsuback = 11,
  kPingreq = 12,
  kPingresp = 13,
  kDisconnect = 14,
  kAuth = 15,
};

/// The largest remaining length MQTT can encode (four variable-byte-integer bytes).
inline constexpr uint32_t kMaxRemainingLength = 268'435'455;

/// One whole packet at the front of a buffer. `body` views the caller's buffer.
struct Frame {
  PacketType type{};
  uint8_t flags = 0;      ///< the low four bits of the first byte
  std::string_view body;  ///< the variable header and payload
  size_t size = 0;        ///< bytes of the whole packet, fixed header included
};

/// The first packet of `buffer`, or nullopt when the buffer does not yet hold all of it.
/// invalid_argument for a malformed remaining length, or one above `max_size`.
Result<std::optional<Frame>> NextFrame(std::string_view buffer, uint32_t max_size);

struct ConnectOptions {
  std::string client_id;
  bool clean_start = false;  ///< false: resume the session stored under client_id
  uint16_t keep_alive_s = 30;
  uint32_t session_expiry_s =
      0xFFFFFFFF;                   ///< how long the broker keeps the session; ~0: never ends
  uint16_t receive_maximum = 1000;  ///< QoS 1 messages the broker may send before a PUBACK
  uint32_t maximum_packet_size = 1u << 20;
  std::optional<std::string> username;  ///< sent when set (at most 65535 bytes)
  std::optional<std::string> password;  ///< sent when set (at most 65535 bytes)
};

std::string EncodeConnect(const ConnectOptions& options);
/// SUBSCRIBE of one filter at `qos` (0 or 1); No Local off (required for shared subscriptions).
std::string EncodeSubscribe(uint16_t packet_id, std::string_view filter, int qos);
std::string EncodePuback(uint16_t packet_id);
/// PUBLISH without properties (a publisher's side: benchmarks, simulators). packet_id is ignored
/// for QoS 0 and must not be 0 otherwise.
std::string EncodePublish(std::string_view topic, std::string_view payload, int qos,
                          uint16_t packet_id);
std::string EncodePingreq();
/// A normal disconnection (reason 0x00): the broker keeps the session.
std::string EncodeDisconnect();

struct Connack {
  bool session_present = false;
  uint8_t reason = 0;                         ///< 0x00 success; >= 0x80 refused
  std::optional<uint16_t> server_keep_alive;  ///< the broker's override of our keep alive
  std::optional<uint16_t> receive_maximum;    ///< QoS 1 messages we may have in flight to it
  std::string reason_string;
};
Result<Connack> DecodeConnack(std::string_view body);

struct Suback {
  uint16_t packet_id = 0;
  std::vector<uint8_t> reasons;  ///< per filter: the granted QoS (0..2), or >= 0x80 refused
  std::string reason_string;
};
Result<Suback> DecodeSuback(std::string_view body);

struct Publish {
  std::string_view topic;    ///< views the frame's body
  std::string_view payload;  ///< views the frame's body
  int qos = 0;
  bool dup = false;
  bool retain = false;
  uint16_t packet_id = 0;  ///< 0 for QoS 0
};
/// `flags` is the frame's low four bits. A topic alias is refused: we never allow one (CONNECT
/// sends no Topic Alias Maximum, so it is 0).
Result<Publish> DecodePublish(uint8_t flags, std::string_view body);

struct Disconnect {
  uint8_t reason = 0;
  std::string reason_string;
};
Result<Disconnect> DecodeDisconnect(std::string_view body);

struct Puback {
  uint16_t packet_id = 0;
  uint8_t reason = 0;  ///< 0x00 success, 0x10 no matching subscribers; >= 0x80 refused
};
Result<Puback> DecodePuback(std::string_view body);

/// The name of a CONNACK/SUBACK/DISCONNECT reason code, for logs ("not authorized (0x87)").
std::string ReasonName(uint8_t reason);

}  // namespace hearth::adapters::mqtt

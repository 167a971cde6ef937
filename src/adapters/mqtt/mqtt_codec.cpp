#include "adapters/mqtt/mqtt_codec.hpp"

namespace hearth::adapters::mqtt {
namespace {

Error Malformed(const std::string& what) {
  return Error::InvalidArgument("malformed MQTT packet: " + what);
}

void PutU8(std::string& out, uint8_t v) { out.push_back(static_cast<char>(v)); }
void PutU16(std::string& out, uint16_t v) {
  PutU8(out, static_cast<uint8_t>(v >> 8));
  PutU8(out, static_cast<uint8_t>(v & 0xFF));
}
void PutU32(std::string& out, uint32_t v) {
  PutU16(out, static_cast<uint16_t>(v >> 16));
  PutU16(out, static_cast<uint16_t>(v & 0xFFFF));
}
void PutVarint(std::string& out, uint32_t v) {
  do {
    auto byte = static_cast<uint8_t>(v % 128);
    v /= 128;
    if (v > 0) byte |= 0x80;
    PutU8(out, byte);
  } while (v > 0);
}
void PutString(std::string& out, std::string_view s) {
  PutU16(out, static_cast<uint16_t>(s.size()));
  out.append(s);
}
std::string Packet(PacketType type, uint8_t flags, const std::string& body) {
  std::string out;
  PutU8(out, static_cast<uint8_t>(static_cast<uint8_t>(type) << 4 | flags));
  PutVarint(out, static_cast<uint32_t>(body.size()));
  out += body;
  return out;
}

// A bounds-checked reader over a packet body.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool empty() const { return data_.empty(); }
  std::string_view rest() const { return data_; }

  bool U8(uint8_t& v) {
    if (data_.empty()) return false;
    v = static_cast<uint8_t>(data_[0]);
    data_.remove_prefix(1);
    return true;
  }
  bool U16(uint16_t& v) {
    uint8_t hi = 0, lo = 0;
    if (!U8(hi) || !U8(lo)) return false;
    v = static_cast<uint16_t>(hi << 8 | lo);
    return true;
  }
  bool U32(uint32_t& v) {
    uint16_t hi = 0, lo = 0;
    if (!U16(hi) || !U16(lo)) return false;
    v = static_cast<uint32_t>(hi) << 16 | lo;
    return true;
  }
  bool Varint(uint32_t& v) {
    v = 0;
    for (int i = 0; i < 4; ++i) {
      uint8_t b = 0;
      if (!U8(b)) return false;
      v |= static_cast<uint32_t>(b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  bool Bytes(size_t n, std::string_view& out) {
    if (data_.size() < n) return false;
    out = data_.substr(0, n);
    data_.remove_prefix(n);
    return true;
  }
  bool String(std::string_view& out) {
    uint16_t n = 0;
    return U16(n) && Bytes(n, out);
  }

 private:
  std::string_view data_;
};

// What we read of a property list; every other property is skipped by its type.
struct Properties {
  std::optional<uint16_t> server_keep_alive;
  std::optional<uint16_t> topic_alias;
  std::optional<uint16_t> receive_maximum;
  std::string reason_string;
};

bool ReadProperties(Reader& r, Properties& props) {
  uint32_t length = 0;
  std::string_view block;
  if (!r.Varint(length) || !r.Bytes(length, block)) return false;
  Reader p(block);
  while (!p.empty()) {
    uint32_t id = 0;
    if (!p.Varint(id)) return false;
    uint8_t b = 0;
    uint16_t u16 = 0;
    uint32_t u32 = 0;
    std::string_view s, s2;
    switch (id) {
      case 0x01:
      case 0x17:
      case 0x19:
      case 0x24:
      case 0x25:
      case 0x28:
      case 0x29:
      case 0x2A:
        if (!p.U8(b)) return false;
        break;
      case 0x13:
        if (!p.U16(u16)) return false;
        props.server_keep_alive = u16;
        break;
      case 0x23:
        if (!p.U16(u16)) return false;
        props.topic_alias = u16;
        break;
      case 0x21:
        if (!p.U16(u16)) return false;
        props.receive_maximum = u16;
        break;
      case 0x22:
        if (!p.U16(u16)) return false;
        break;
      case 0x02:
      case 0x11:
      case 0x18:
      case 0x27:
        if (!p.U32(u32)) return false;
        break;
      case 0x0B:
        if (!p.Varint(u32)) return false;
        break;
      case 0x1F:
        if (!p.String(s)) return false;
        props.reason_string = std::string(s);
        break;
      case 0x03:
      case 0x08:
      case 0x12:
      case 0x15:
      case 0x1A:
      case 0x1C:
      case 0x09:
      case 0x16:
        if (!p.String(s)) return false;  // binary data has the same two-byte length prefix
        break;
      case 0x26:
        if (!p.String(s) || !p.String(s2)) return false;
        break;
      default:
        return false;  // an unknown property: its length cannot be known
    }
  }
  return true;
}

}  // namespace

Result<std::optional<Frame>> NextFrame(std::string_view buffer, uint32_t max_size) {
  if (buffer.size() < 2) return std::optional<Frame>{};
  uint32_t length = 0;
  size_t i = 1;
  for (int shift = 0;; shift += 7) {
    if (i >= buffer.size()) return std::optional<Frame>{};
    auto b = static_cast<uint8_t>(buffer[i++]);
    length |= static_cast<uint32_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) break;
    if (shift == 21) return Malformed("remaining length longer than four bytes");
  }
  if (length > max_size) {
    return Malformed("packet of " + std::to_string(length) + " bytes exceeds the limit of " +
                     std::to_string(max_size));
  }
  if (buffer.size() - i < length) return std::optional<Frame>{};
  auto first = static_cast<uint8_t>(buffer[0]);
  Frame f;
  f.type = static_cast<PacketType>(first >> 4);
  f.flags = first & 0x0F;
  f.body = buffer.substr(i, length);
  f.size = i + length;
  if (first >> 4 == 0) return Malformed("packet type 0");
  return std::optional<Frame>{f};
}

std::string EncodeConnect(const ConnectOptions& o) {
  std::string body;
  PutString(body, "MQTT");
  PutU8(body, 5);                            // protocol version 5.0
  uint8_t flags = o.clean_start ? 0x02 : 0x00;  // no will
  if (o.username) flags |= 0x80;
  if (o.password) flags |= 0x40;
  PutU8(body, flags);
  PutU16(body, o.keep_alive_s);
  std::string props;
  PutU8(props, 0x11);
  PutU32(props, o.session_expiry_s);
  PutU8(props, 0x21);
  PutU16(props, o.receive_maximum == 0 ? 1 : o.receive_maximum);
  PutU8(props, 0x27);
  PutU32(props, o.maximum_packet_size);
  PutVarint(body, static_cast<uint32_t>(props.size()));
  body += props;
  PutString(body, o.client_id);
  if (o.username) PutString(body, *o.username);
  if (o.password) PutString(body, *o.password);  // binary data: the same length-prefixed form
  return Packet(PacketType::kConnect, 0, body);
}

std::string EncodeSubscribe(uint16_t packet_id, std::string_view filter, int qos) {
  std::string body;
  PutU16(body, packet_id);
  PutVarint(body, 0);  // no properties
  PutString(body, filter);
  PutU8(body, static_cast<uint8_t>(qos & 0x03));
  return Packet(PacketType::kSubscribe, 0x02, body);
}

std::string EncodePuback(uint16_t packet_id) {
  std::string body;
  PutU16(body, packet_id);  // remaining length 2: reason Success, no properties
  return Packet(PacketType::kPuback, 0, body);
}

std::string EncodePublish(std::string_view topic, std::string_view payload, int qos,
                          uint16_t packet_id) {
  std::string body;
  body.reserve(topic.size() + payload.size() + 5);
  PutString(body, topic);
  if (qos > 0) PutU16(body, packet_id);
  PutVarint(body, 0);  // no properties
  body.append(payload);
  return Packet(PacketType::kPublish, static_cast<uint8_t>((qos & 0x03) << 1), body);
}

std::string EncodePingreq() { return Packet(PacketType::kPingreq, 0, {}); }
std::string EncodeDisconnect() { return Packet(PacketType::kDisconnect, 0, {}); }

Result<Connack> DecodeConnack(std::string_view body) {
  Reader r(body);
  uint8_t flags = 0;
  Connack c;
  Properties props;
  if (!r.U8(flags) || !r.U8(c.reason)) return Malformed("CONNACK too short");
  // A refusal may come without properties (and from a 3.1.1-only broker, as a 2-byte CONNACK).
  if (!r.empty() && !ReadProperties(r, props)) return Malformed("CONNACK properties");
  c.session_present = (flags & 0x01) != 0;
  c.server_keep_alive = props.server_keep_alive;
  c.receive_maximum = props.receive_maximum;
  c.reason_string = props.reason_string;
  return c;
}

Result<Suback> DecodeSuback(std::string_view body) {
  Reader r(body);
  Suback s;
  Properties props;
  if (!r.U16(s.packet_id) || !ReadProperties(r, props)) return Malformed("SUBACK header");
  for (char ch : r.rest()) s.reasons.push_back(static_cast<uint8_t>(ch));
  if (s.reasons.empty()) return Malformed("SUBACK without reason codes");
  s.reason_string = props.reason_string;
  return s;
}

Result<Publish> DecodePublish(uint8_t flags, std::string_view body) {
  Publish p;
  p.retain = (flags & 0x01) != 0;
  p.qos = (flags >> 1) & 0x03;
  p.dup = (flags & 0x08) != 0;
  if (p.qos == 3) return Malformed("PUBLISH with QoS 3");
  Reader r(body);
  Properties props;
  if (!r.String(p.topic)) return Malformed("PUBLISH topic");
  if (p.qos > 0 && (!r.U16(p.packet_id) || p.packet_id == 0)) return Malformed("PUBLISH packet id");
  if (!ReadProperties(r, props)) return Malformed("PUBLISH properties");
  if (props.topic_alias) return Malformed("PUBLISH with a topic alias, which was not allowed");
  if (p.topic.empty()) return Malformed("PUBLISH without a topic");
  p.payload = r.rest();
  return p;
}

Result<Disconnect> DecodeDisconnect(std::string_view body) {
  Disconnect d;
  Reader r(body);
  Properties props;
  if (r.empty()) return d;  // remaining length 0: normal disconnection
  if (!r.U8(d.reason)) return Malformed("DISCONNECT");
  if (!r.empty() && !ReadProperties(r, props)) return Malformed("DISCONNECT properties");
  d.reason_string = props.reason_string;
  return d;
}

Result<Puback> DecodePuback(std::string_view body) {
  Puback p;
  Reader r(body);
  Properties props;
  if (!r.U16(p.packet_id)) return Malformed("PUBACK");
  if (!r.empty() && !r.U8(p.reason)) return Malformed("PUBACK reason");
  if (!r.empty() && !ReadProperties(r, props)) return Malformed("PUBACK properties");
  return p;
}

}  // namespace hearth::adapters::mqtt

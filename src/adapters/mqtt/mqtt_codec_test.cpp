#include "adapters/mqtt/mqtt_codec.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hearth::adapters::mqtt {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

// Golden bytes, checked by hand against MQTT 5.0 sections 3.1, 3.8, 3.4, 3.12 and 3.14.
TEST(MqttCodec, EncodesTheClientPackets) {
  ConnectOptions o;
  o.client_id = "h1";
  o.keep_alive_s = 30;
  o.session_expiry_s = 0xFFFFFFFF;
  o.receive_maximum = 1000;
  o.maximum_packet_size = 1u << 20;
  EXPECT_EQ(EncodeConnect(o), Bytes({0x10, 28,  // CONNECT, remaining length
                                     0,    4,    'M',  'Q',  'T',
                                     'T',  5,    0x00, 0,    30,  // v5, clean start off, keep alive
                                     13,                          // properties
                                     0x11, 0xFF, 0xFF, 0xFF, 0xFF,  // session expiry: never
                                     0x21, 0x03, 0xE8,              // receive maximum 1000
                                     0x27, 0x00, 0x10, 0x00, 0x00,  // maximum packet size 1 MiB
                                     0,    2,    'h',  '1'}));
  o.clean_start = true;
  EXPECT_EQ(static_cast<uint8_t>(EncodeConnect(o)[9]), 0x02);

  // Issue 12: a user name and password follow the client id, flagged in the connect flags.
  o.clean_start = false;
  o.username = "u";
  o.password = "pw";
  std::string with = EncodeConnect(o);
  EXPECT_EQ(static_cast<uint8_t>(with[1]), 28 + 3 + 4);
  EXPECT_EQ(static_cast<uint8_t>(with[9]), 0xC0);  // user name and password, clean start off
  EXPECT_EQ(with.substr(with.size() - 7), Bytes({0, 1, 'u', 0, 2, 'p', 'w'}));

  EXPECT_EQ(EncodeSubscribe(7, "a/+", 1), Bytes({0x82, 9, 0, 7, 0, 0, 3, 'a', '/', '+', 0x01}));
  EXPECT_EQ(EncodePuback(0x1234), Bytes({0x40, 2, 0x12, 0x34}));
  EXPECT_EQ(EncodePingreq(), Bytes({0xC0, 0}));
  EXPECT_EQ(EncodeDisconnect(), Bytes({0xE0, 0}));
}

TEST(MqttCodec, LongPacketsUseAMultiByteRemainingLength) {
  std::string filter(200, 'x');
  std::string p = EncodeSubscribe(1, filter, 1);
  // 2 (id) + 1 (props) + 2 + 200 (filter) + 1 (options) = 206 = 0xCE 0x01
  EXPECT_EQ(static_cast<uint8_t>(p[1]), 0xCE);
  EXPECT_EQ(static_cast<uint8_t>(p[2]), 0x01);
  auto f = NextFrame(p, 1000);
  ASSERT_TRUE(f.ok() && f->has_value());
  EXPECT_EQ((*f)->size, p.size());
  EXPECT_EQ((*f)->body.size(), 206u);
  EXPECT_EQ((*f)->type, PacketType::kSubscribe);
  EXPECT_EQ((*f)->flags, 0x02);
}

TEST(MqttCodec, FramesWholePacketsOnly) {
  std::string two = EncodePuback(1) + EncodePingreq();
  struct Case {
    std::string buffer;
    bool complete;
    size_t size;
  };
  std::vector<Case> cases = {
      {"", false, 0},
      {Bytes({0x40}), false, 0},
      {Bytes({0x40, 2, 0}), false, 0},
      {Bytes({0x30, 0x80}), false, 0},  // remaining length continues
      {two, true, 4},
      {two.substr(4), true, 2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.buffer.size());
    auto f = NextFrame(c.buffer, 1000);
    ASSERT_TRUE(f.ok());
    ASSERT_EQ(f->has_value(), c.complete);
    if (c.complete) {
      EXPECT_EQ((*f)->size, c.size);
    }
  }
}

TEST(MqttCodec, RejectsMalformedFrames) {
  struct Case {
    std::string buffer;
    std::string message;
  };
  std::vector<Case> cases = {
      {Bytes({0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}),
       "malformed MQTT packet: remaining length longer than four bytes"},
      {Bytes({0x30, 0xE9, 0x07}),  // 1001
       "malformed MQTT packet: packet of 1001 bytes exceeds the limit of 1000"},
      {Bytes({0x00, 0x00}), "malformed MQTT packet: packet type 0"},
  };
  for (const auto& c : cases) {
    auto f = NextFrame(c.buffer, 1000);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().message, c.message);
  }
}

TEST(MqttCodec, DecodesConnack) {
  // session present, success, properties: receive maximum 20, server keep alive 60,
  // assigned client id "x", shared subscriptions available
  auto c = DecodeConnack(
      Bytes({0x01, 0x00, 14, 0x21, 0, 20, 0x13, 0, 60, 0x12, 0, 1, 'x', 0x2A, 1, 0x24, 1}));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->session_present);
  EXPECT_EQ(c->reason, 0);
  EXPECT_EQ(c->server_keep_alive, 60);
  EXPECT_EQ(c->receive_maximum, 20);

  auto refused = DecodeConnack(Bytes({0x00, 0x87, 5, 0x1F, 0, 2, 'n', 'o'}));
  ASSERT_TRUE(refused.ok());
  EXPECT_FALSE(refused->session_present);
  EXPECT_EQ(refused->reason, 0x87);
  EXPECT_EQ(refused->reason_string, "no");
  EXPECT_EQ(ReasonName(0x87), "not authorized (0x87)");

  EXPECT_FALSE(DecodeConnack(Bytes({0x00})).ok());
  EXPECT_FALSE(DecodeConnack(Bytes({0x00, 0x00, 3, 0x21, 0})).ok());  // truncated property
  EXPECT_FALSE(DecodeConnack(Bytes({0x00, 0x00, 2, 0x7F, 0})).ok());  // unknown property
}

TEST(MqttCodec, DecodesSuback) {
  auto s = DecodeSuback(Bytes({0, 9, 0, 0x01}));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->packet_id, 9);
  EXPECT_EQ(s->reasons, std::vector<uint8_t>{0x01});
  auto refused = DecodeSuback(Bytes({0, 9, 0, 0x9E}));
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->reasons, std::vector<uint8_t>{0x9E});
  EXPECT_FALSE(DecodeSuback(Bytes({0, 9, 0})).ok());
}

TEST(MqttCodec, DecodesPublish) {
  // QoS 1, dup: topic "t/1", packet id 5, properties: payload format 1, user property k=v
  std::string body = Bytes({0, 3, 't', '/', '1', 0, 5, 9, 0x01, 1, 0x26, 0, 1, 'k', 0, 1, 'v'});
  body += R"({"ts":"x","value":1})";
  auto p = DecodePublish(0x0A, body);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->topic, "t/1");
  EXPECT_EQ(p->qos, 1);
  EXPECT_TRUE(p->dup);
  EXPECT_FALSE(p->retain);
  EXPECT_EQ(p->packet_id, 5);
  EXPECT_EQ(p->payload, R"({"ts":"x","value":1})");

  const std::string q0_body = Bytes({0, 1, 'a', 0, 'h', 'i'});  // the result views it
  auto q0 = DecodePublish(0x01, q0_body);
  ASSERT_TRUE(q0.ok());
  EXPECT_EQ(q0->qos, 0);
  EXPECT_TRUE(q0->retain);
  EXPECT_EQ(q0->packet_id, 0);
  EXPECT_EQ(q0->payload, "hi");

  struct Bad {
    uint8_t flags;
    std::string body;
    std::string message;
  };
  std::vector<Bad> bad = {
      {0x06, Bytes({0, 1, 'a', 0, 1, 0}), "malformed MQTT packet: PUBLISH with QoS 3"},
      {0x02, Bytes({0, 5, 'a'}), "malformed MQTT packet: PUBLISH topic"},
      {0x02, Bytes({0, 1, 'a', 0, 0, 0}), "malformed MQTT packet: PUBLISH packet id"},
      {0x02, Bytes({0, 1, 'a', 0, 1, 4, 0x01}), "malformed MQTT packet: PUBLISH properties"},
      {0x00, Bytes({0, 0, 3, 0x23, 0, 1}),
       "malformed MQTT packet: PUBLISH with a topic alias, which was not allowed"},
      {0x00, Bytes({0, 0, 0}), "malformed MQTT packet: PUBLISH without a topic"},
  };
  for (const auto& c : bad) {
    SCOPED_TRACE(c.message);
    auto r = DecodePublish(c.flags, c.body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, c.message);
  }
}

TEST(MqttCodec, PublishesRoundTrip) {
  std::string p = EncodePublish("a/b", "hi", 1, 0x0102);
  EXPECT_EQ(p, Bytes({0x32, 10, 0, 3, 'a', '/', 'b', 0x01, 0x02, 0, 'h', 'i'}));
  auto f = NextFrame(p, 100);
  ASSERT_TRUE(f.ok() && f->has_value());
  auto d = DecodePublish((*f)->flags, (*f)->body);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->topic, "a/b");
  EXPECT_EQ(d->payload, "hi");
  EXPECT_EQ(d->packet_id, 0x0102);
  EXPECT_EQ(EncodePublish("t", "", 0, 9), Bytes({0x30, 4, 0, 1, 't', 0}));

  struct Case {
    std::string body;
    uint16_t id;
    uint8_t reason;
  };
  for (const Case& c : std::vector<Case>{{Bytes({0, 7}), 7, 0},
                                         {Bytes({0, 7, 0x10}), 7, 0x10},
                                         {Bytes({0, 7, 0x87, 0}), 7, 0x87}}) {
    auto a = DecodePuback(c.body);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->packet_id, c.id);
    EXPECT_EQ(a->reason, c.reason);
  }
  EXPECT_FALSE(DecodePuback(Bytes({0})).ok());
}

TEST(MqttCodec, DecodesDisconnect) {
  auto normal = DecodeDisconnect("");
  ASSERT_TRUE(normal.ok());
  EXPECT_EQ(normal->reason, 0);
  auto taken = DecodeDisconnect(Bytes({0x8E, 0}));
  ASSERT_TRUE(taken.ok());
  EXPECT_EQ(taken->reason, 0x8E);
  EXPECT_EQ(ReasonName(taken->reason), "session taken over (0x8E)");
}

}  // namespace
}  // namespace hearth::adapters::mqtt

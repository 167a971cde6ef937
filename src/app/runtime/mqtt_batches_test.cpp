// MqttIngest: one services::IngestService call (one commit) per batch of messages; invalid messages
// and rejected readings are answered ok (acknowledged, counted), a storage error is not.
#include "app/runtime/mqtt_batches.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "adapters/storage/database_watch.hpp"
#include "support/test_process.hpp"
#include "support/test_reading_store.hpp"

namespace hearth::app::runtime {
namespace {

using MemoryStore = support::MemoryReadingStore;

adapters::mqtt::Message Msg(std::string topic, std::string payload) {
  return {std::move(topic), std::move(payload), 1, false};
}

class MqttIngestTest : public ::testing::Test {
 protected:
  MemoryStore store_;
  ports::ManualClock clock_{*ParseRfc3339("2025-12-01T12:00:00+08:00")};
  services::IngestService ingest_{store_, clock_};
  MqttIngest mqtt_{ingest_};
};

TEST_F(MqttIngestTest, OneCommitPerBatch) {
  std::vector<adapters::mqtt::Message> batch = {
      Msg("hearth/v1/readings/T-1", R"({"ts":"2025-12-01T08:00:00+08:00","value":18.2})"),
      Msg("hearth/v1/readings/T-1",
          R"([{"ts":"2025-12-01T08:10:00+08:00","value":18.3},{"ts":"2025-12-01T08:20:00+08:00","value":18.4}])"),
      Msg("hearth/v1/readings/T-1", R"({"ts":"2025-12-01T08:00:00+08:00","value":25})"),
  };
  ASSERT_TRUE(mqtt_.HandleBatch(batch).ok());
  EXPECT_EQ(store_.inserts, 1);
  EXPECT_EQ(store_.rows.size(), 3u);
  EXPECT_EQ((store_.rows[{11, 1764547200}]), 1820);  // the other value did not change it
  auto s = mqtt_.stats();
  EXPECT_EQ(s.messages, 3);
  EXPECT_EQ(s.accepted, 3);
  EXPECT_EQ(s.duplicate, 0);
  EXPECT_EQ(s.conflicting, 1);  // kept for review (issue 12)
  ASSERT_EQ(store_.conflicts.size(), 1u);
  EXPECT_EQ(store_.conflicts[0].source, "mqtt");
  EXPECT_EQ(s.rejected, 0);
  EXPECT_EQ(s.invalid_messages, 0);
}

TEST_F(MqttIngestTest, InvalidMessagesAndRejectedReadingsAreAnsweredOk) {
  std::vector<adapters::mqtt::Message> batch = {
      Msg("hearth/v1/readings/T-1", "{oops"),
      Msg("elsewhere/T-1", R"({"ts":"2025-12-01T08:00:00+08:00","value":18.2})"),
      Msg("hearth/v1/readings/NOPE", R"({"ts":"2025-12-01T08:00:00+08:00","value":18.2})"),
      Msg("hearth/v1/readings/T-1", R"({"ts":"2025-12-02T08:00:00+08:00","value":18.2})"),
      Msg("hearth/v1/readings/T-1", R"({"ts":"2025-12-01T09:00:00+08:00","value":19})"),
  };
  ASSERT_TRUE(mqtt_.HandleBatch(batch).ok());
  auto s = mqtt_.stats();
  EXPECT_EQ(s.messages, 5);
  EXPECT_EQ(s.invalid_messages, 2);
  EXPECT_EQ(s.rejected, 2);  // an unknown sensor, a time in the future
  EXPECT_EQ(s.accepted, 1);
  EXPECT_EQ(store_.rows.size(), 1u);

  // A batch of nothing valid needs no commit, and is answered ok.
  std::vector<adapters::mqtt::Message> junk = {Msg("hearth/v1/readings/T-1", "[]")};
  ASSERT_TRUE(mqtt_.HandleBatch(junk).ok());
  EXPECT_EQ(store_.inserts, 1);
  EXPECT_EQ(mqtt_.stats().invalid_messages, 3);
}

TEST_F(MqttIngestTest, AStorageErrorFailsTheBatch) {
  store_.unavailable = true;
  std::vector<adapters::mqtt::Message> batch = {
      Msg("hearth/v1/readings/T-1", R"({"ts":"2025-12-01T08:00:00+08:00","value":18.2})"),
      Msg("hearth/v1/readings/T-1", "not json"),
  };
  auto s = mqtt_.HandleBatch(batch);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(mqtt_.stats().storage_errors, 1);
  EXPECT_EQ(mqtt_.stats().accepted, 0);

  store_.unavailable = false;  // redelivered after the reconnect: now it is stored
  ASSERT_TRUE(mqtt_.HandleBatch(batch).ok());
  EXPECT_EQ(store_.rows.size(), 1u);
}

// Issue 12, finding 6: a batch committed to a database file that is gone (the real watch over a
// real file) is not acknowledged, and neither is one that arrives while it is gone.
TEST_F(MqttIngestTest, NothingIsAcknowledgedWhileTheDatabaseFileIsGone) {
  support::TempDir dir;
  const std::string file = dir / "h.db";
  std::ofstream(file) << "x";
  adapters::storage::DatabaseWatch watch(file);
  int checks = 0;  // two per batch: before it, and after its commit
  MqttIngest mqtt(ingest_, [&] {
    if (++checks == 4) std::filesystem::remove(file);  // after the second batch's commit
    return watch.Check();
  });
  std::vector<adapters::mqtt::Message> batch = {
      Msg("hearth/v1/readings/T-1", R"({"ts":"2025-12-01T08:00:00+08:00","value":18.2})")};
  ASSERT_TRUE(mqtt.HandleBatch(batch).ok());  // the file was there before and after
  batch[0] = Msg("hearth/v1/readings/T-1", R"({"ts":"2025-12-01T08:10:00+08:00","value":18.3})");
  auto after = mqtt.HandleBatch(batch);  // the file goes during this one's commit
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(after.error().message,
            "the database file was deleted; nothing is stored until it is restored and hearth "
            "restarted");
  EXPECT_FALSE(mqtt.HandleBatch(batch).ok());  // and while it is gone, before any commit
  EXPECT_EQ(store_.inserts, 2);
  EXPECT_EQ(mqtt.stats().storage_errors, 2);
}

}  // namespace
}  // namespace hearth::app::runtime

#include "app/runtime/work_order_worker.hpp"

#include <spdlog/spdlog.h>

namespace hearth::app::runtime {

WorkOrderWorker::WorkOrderWorker(services::WorkOrderService& orders,
                                 services::CalendarService& calendar,
                                 ports::WorkOrderStore& store,
                                 std::unique_ptr<ports::NotificationSender> sender,
                                 const ports::Clock& clock, std::chrono::milliseconds interval,
                                 const services::MassComplaintService* mass)
    : orders_(orders),
      calendar_(calendar),
      clock_(clock),
      mass_(mass),
      sender_(std::move(sender)),
      outbox_(sender_ ? std::make_unique<services::OutboxService>(store, *sender_, clock)
                      : nullptr),
      interval_(interval),
      thread_([this] { Loop(); }) {}

WorkOrderWorker::~WorkOrderWorker() {
  {
    MutexLock lock(mutex_);
    stop_ = true;
  }
  wake_.NotifyAll();
  thread_.join();
}

void WorkOrderWorker::Loop() {
  while (true) {
    Tick();
    MutexLock lock(mutex_);
    if (wake_.WaitFor(mutex_, interval_, [this]() REQUIRES(mutex_) { return stop_; })) return;
  }
}

void WorkOrderWorker::Tick() {
  auto calendar = calendar_.Current();
  if (calendar != computed_with_) {
    auto changed = orders_.RecomputeOpen("calendar");
    if (changed.ok()) {
      computed_with_ = calendar;
      if (*changed > 0) spdlog::info("work orders: deadlines of {} orders recomputed", *changed);
    } else {
      spdlog::warn("work orders: recomputing deadlines: {}", changed.error().message);
    }
  }
  auto raised = orders_.ScanOverdue();
  if (!raised.ok()) {
    spdlog::warn("work orders: overdue scan: {}", raised.error().message);
  } else if (*raised > 0) {
    spdlog::info("work orders: {} deadlines overdue, managers told", *raised);
  }
  if (const Instant now = clock_.Now();
      mass_ && now - last_mass_scan_ >= services::kMassComplaintScanEvery) {
    last_mass_scan_ = now;
    auto flagged = mass_->Scan(now - services::kMassComplaintScanBack, now);
    if (!flagged.ok()) {
      spdlog::warn("mass complaints: scan: {}", flagged.error().message);
    } else if (*flagged > 0) {
      spdlog::info("mass complaints: {} flagged by the scan", *flagged);
    }
  }
  if (!outbox_) return;
  for (;;) {  // until nothing more is due now
    auto round = outbox_->RunOnce(100);
    if (!round.ok()) {
      spdlog::warn("outbox: {}", round.error().message);
      return;
    }
    if (round->failed > 0) spdlog::warn("outbox: {} deliveries failed, retried later", round->failed);
    if (round->delivered + round->failed < 100) return;
    MutexLock lock(mutex_);
    if (stop_) return;
  }
}

}  // namespace hearth::app::runtime

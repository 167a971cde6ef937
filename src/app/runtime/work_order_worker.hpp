// `hearth serve`'s work-order duties (issue 13), on a thread of their own, every `interval`:
//   - the overdue scan (WorkOrderService::ScanOverdue: one message to the managers per deadline);
//   - when the calendar in use changes (an imported year reaches the server), every open
//     deadline is recomputed and the change noted on its order (RecomputeOpen); also once at
//     start, for a year imported while the server was down;
//   - the mass-complaint scan over the last kMassComplaintScanBack, every
//     kMassComplaintScanEvery (R-REG-1: raises a flag that the check at reception missed), when
//     given the service;
//   - the outbox's delivery (OutboxService), when a webhook is configured; without one, messages
//     stay readable in the outbox (a household's at GET /api/v1/notifications).
// Errors are logged and the work tried again at the next tick. Stopped and joined by the
// destructor, after the current tick.
#pragma once

#include <chrono>
#include <memory>
#include <thread>

#include "core/mutex.hpp"
#include "core/thread_annotations.hpp"
#include "ports/notification_sender.hpp"
#include "services/calendar_service.hpp"
#include "services/mass_complaint_service.hpp"
#include "services/outbox_service.hpp"
#include "services/work_order_service.hpp"

namespace hearth::app::runtime {

class WorkOrderWorker {
 public:
  /// Starts the thread. `sender` and `mass` may be null (no delivery, no scan); the others must
  /// outlive the worker.
  WorkOrderWorker(services::WorkOrderService& orders, services::CalendarService& calendar,
                  ports::WorkOrderStore& store, std::unique_ptr<ports::NotificationSender> sender,
                  const ports::Clock& clock, std::chrono::milliseconds interval,
                  const services::MassComplaintService* mass = nullptr);
  ~WorkOrderWorker();
  WorkOrderWorker(const WorkOrderWorker&) = delete;
  WorkOrderWorker& operator=(const WorkOrderWorker&) = delete;

 private:
  void Loop();
  void Tick();

  services::WorkOrderService& orders_;
  services::CalendarService& calendar_;
  const ports::Clock& clock_;
  const services::MassComplaintService* mass_;
  std::unique_ptr<ports::NotificationSender> sender_;
  std::unique_ptr<services::OutboxService> outbox_;  // null without a sender
  const std::chrono::milliseconds interval_;
  std::shared_ptr<const rules::HolidayCalendar> computed_with_;  // the worker's thread only
  Instant last_mass_scan_{};                                      // the worker's thread only
  Mutex mutex_;
  CondVar wake_;
  bool stop_ GUARDED_BY(mutex_) = false;
  std::thread thread_;
};

}  // namespace hearth::app::runtime

// Heat meters (R-METER-1, W 10.3): the calibration's payer in all four cases, and the switch to
// billing by area for every kind of meter fault.
#include "rules/meter.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

TEST(Meter, CalibrationPayerInAllFourCases) {
  const struct {
    Party raised_by;
    CalibrationResult result;
    Party payer;
    const char* clause;
  } table[] = {
      {Party::kCompany, CalibrationResult::kPassed, Party::kCompany, "W 10.3 (10.3 a)"},
      {Party::kCompany, CalibrationResult::kFailed, Party::kCompany, "W 10.3 (10.3 a)"},
      {Party::kHousehold, CalibrationResult::kPassed, Party::kHousehold, "W 10.3 (10.3 b)"},
      {Party::kHousehold, CalibrationResult::kFailed, Party::kCompany, "W 10.3 (10.3 b)"},
  };
  for (const auto& row : table) {
    const auto cost = CalibrationPayer(row.raised_by, row.result);
    const std::string what = std::string(PartyName(row.raised_by)) + " raised, " +
                             std::string(CalibrationResultName(row.result));
    EXPECT_EQ(cost.payer, row.payer) << what;
    EXPECT_EQ(cost.clause, row.clause) << what;
  }
}

TEST(Meter, AFaultyMeterIsBilledByArea) {
  const struct {
    const char* fault;
    bool by_area;
    const char* reason;
  } table[] = {
      {"none", false, ""},
      {"data-missing", true, "热量表无数据记录，本期改按面积收费（W 10.3 (10.3 c)）"},
      {"data-distorted", true, "热量表数据失真，本期改按面积收费（W 10.3 (10.3 c)）"},
      {"damaged", true, "热量表被人为破坏，本期改按面积收费（W 10.3 (10.3 c)）"},
      {"unfiled-replacement", true, "私自更换热量表未备案，本期改按面积收费（W 10.3 (10.3 c)）"},
  };
  for (const auto& row : table) {
    auto fault = ParseMeterFault(row.fault);
    ASSERT_TRUE(fault) << row.fault;
    EXPECT_EQ(MeterFaultName(*fault), row.fault);
    const MeterBasis basis = BasisFor(*fault);
    EXPECT_EQ(basis.by_area, row.by_area) << row.fault;
    EXPECT_EQ(basis.reason, row.reason) << row.fault;
  }
  EXPECT_EQ(ParseMeterFault("stolen"), std::nullopt);
  EXPECT_EQ(ParseParty("regulator"), std::nullopt);
  EXPECT_EQ(ParseCalibrationResult("pass"), std::nullopt);
}

TEST(Meter, WhoMovesADisputeAndWhen) {
  using A = DisputeAction;
  using S = DisputeState;
  const CalibrationInput passed{CalibrationResult::kPassed, "JL-2026-118"};
  const struct {
    const char* name;
    S state;
    Party raised_by;
    A action;
    Role role;
    CalibrationInput in;
    std::optional<S> to;  // nullopt: refused with `code` on `field`
    ErrorCode code;
    const char* field;
  } table[] = {
      {"a technician records the calibration", S::kOpen, Party::kHousehold, A::kCalibrate,
       Role::kTechnician, passed, S::kCalibrated, ErrorCode::kInternal, ""},
      {"an agent does not", S::kOpen, Party::kHousehold, A::kCalibrate, Role::kAgent, passed,
       std::nullopt, ErrorCode::kPermissionDenied, ""},
      {"no result",
       S::kOpen,
       Party::kCompany,
       A::kCalibrate,
       Role::kManager,
       {std::nullopt, "x"},
       std::nullopt,
       ErrorCode::kInvalidArgument,
       "result"},
      {"no report number",
       S::kOpen,
       Party::kCompany,
       A::kCalibrate,
       Role::kManager,
       {CalibrationResult::kFailed, " "},
       std::nullopt,
       ErrorCode::kInvalidArgument,
       "reference"},
      {"the household withdraws its own",
       S::kOpen,
       Party::kHousehold,
       A::kWithdraw,
       Role::kHousehold,
       {},
       S::kWithdrawn,
       ErrorCode::kInternal,
       ""},
      {"not the company's",
       S::kOpen,
       Party::kCompany,
       A::kWithdraw,
       Role::kHousehold,
       {},
       std::nullopt,
       ErrorCode::kPermissionDenied,
       ""},
      {"a manager withdraws the company's",
       S::kOpen,
       Party::kCompany,
       A::kWithdraw,
       Role::kManager,
       {},
       S::kWithdrawn,
       ErrorCode::kInternal,
       ""},
      {"a manager does not withdraw the household's",
       S::kOpen,
       Party::kHousehold,
       A::kWithdraw,
       Role::kManager,
       {},
       std::nullopt,
       ErrorCode::kPermissionDenied,
       ""},
      {"a withdrawal takes no result", S::kOpen, Party::kHousehold, A::kWithdraw, Role::kHousehold,
       passed, std::nullopt, ErrorCode::kInvalidArgument, "result"},
      {"calibrated once", S::kCalibrated, Party::kHousehold, A::kCalibrate, Role::kManager, passed,
       std::nullopt, ErrorCode::kFailedPrecondition, ""},
      {"nothing after a withdrawal",
       S::kWithdrawn,
       Party::kHousehold,
       A::kWithdraw,
       Role::kHousehold,
       {},
       std::nullopt,
       ErrorCode::kFailedPrecondition,
       ""},
  };
  for (const auto& row : table) {
    auto to = ApplyDispute(row.state, row.raised_by, row.action, row.role, row.in);
    if (row.to) {
      ASSERT_TRUE(to.ok()) << row.name << ": " << to.error().message;
      EXPECT_EQ(*to, *row.to) << row.name;
    } else {
      ASSERT_FALSE(to.ok()) << row.name;
      EXPECT_EQ(to.error().code, row.code) << row.name;
      if (*row.field) {
        EXPECT_EQ(to.error().field, row.field) << row.name;
      }
    }
  }
  EXPECT_TRUE(MayRaiseDispute(Role::kHousehold, Party::kHousehold));
  EXPECT_FALSE(MayRaiseDispute(Role::kHousehold, Party::kCompany));
  EXPECT_TRUE(MayRaiseDispute(Role::kAgent, Party::kCompany));
  EXPECT_FALSE(MayRaiseDispute(Role::kRegulator, Party::kHousehold));
  EXPECT_EQ(AllowedDisputeActions(S::kOpen, Party::kHousehold, Role::kHousehold),
            std::vector<A>{A::kWithdraw});
  EXPECT_EQ(AllowedDisputeActions(S::kOpen, Party::kCompany, Role::kManager),
            (std::vector<A>{A::kCalibrate, A::kWithdraw}));
  EXPECT_TRUE(AllowedDisputeActions(S::kCalibrated, Party::kCompany, Role::kManager).empty());
  EXPECT_EQ(FaultOf(CalibrationResult::kFailed), MeterFault::kDataDistorted);
  EXPECT_EQ(FaultOf(CalibrationResult::kPassed), MeterFault::kNone);
  for (S st : {S::kOpen, S::kCalibrated, S::kWithdrawn}) {
    EXPECT_EQ(ParseDisputeState(DisputeStateName(st)), st);
  }
  for (A a : {A::kRaise, A::kCalibrate, A::kWithdraw}) {
    EXPECT_EQ(ParseDisputeAction(DisputeActionName(a)), a);
  }
}

}  // namespace
}  // namespace hearth::rules

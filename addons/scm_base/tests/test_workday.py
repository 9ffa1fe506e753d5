from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ScmBaseCase, china_today


def local(*args):
    """A Beijing-time moment (UTC+8, no DST) as the naive UTC datetime Odoo stores."""
    return datetime(*args) - timedelta(hours=8)


END_OF_DAY = (23, 59, 59)


@tagged("post_install", "-at_install")
class TestWorkday(ScmBaseCase):
    def due(self, start, days):
        return self.workday.add_working_days(start, days, self.wuhan)

    def test_org_rule_01_friday_plus_one_is_monday_end_of_day(self):
        """ORG-RULE-01: received Friday, a 1-WD deadline is due Monday 23:59."""
        friday = local(2026, 11, 20, 10, 0)
        self.assertEqual(self.due(friday, 1), local(2026, 11, 23, *END_OF_DAY))

    def test_org_rule_01_monday_holiday_moves_to_tuesday(self):
        """ORG-RULE-01: with Monday a holiday, the Friday 1-WD deadline is Tuesday."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Test holiday",
                "calendar_id": self.wuhan.resource_calendar_id.id,
                "date_from": local(2026, 11, 23, 0, 0),
                "date_to": local(2026, 11, 23, 23, 59, 59),
            }
        )
        friday = local(2026, 11, 20, 10, 0)
        self.assertEqual(self.due(friday, 1), local(2026, 11, 24, *END_OF_DAY))

    def test_org_rule_01_trigger_day_is_day_zero(self):
        """ORG-RULE-01: the trigger day does not count, even on a working day."""
        monday_morning = local(2026, 11, 23, 8, 30)
        self.assertEqual(self.due(monday_morning, 1), local(2026, 11, 24, *END_OF_DAY))
        self.assertEqual(self.due(monday_morning, 0), local(2026, 11, 23, *END_OF_DAY))
        self.assertEqual(self.due(monday_morning, 5), local(2026, 11, 30, *END_OF_DAY))

    def test_org_rule_01_china_2026_holidays_and_makeup_days(self):
        """ORG-RULE-01: the seeded 2026 schedule (National Day, Spring Festival)
        skips holidays and counts make-up working days (调休)."""
        # Oct 1-7 is National Day; Oct 8 is the first working day after it.
        self.assertEqual(
            self.due(local(2026, 9, 30, 10, 0), 1), local(2026, 10, 8, *END_OF_DAY)
        )
        # Saturday Oct 10 is a make-up working day.
        self.assertEqual(
            self.due(local(2026, 10, 9, 10, 0), 1), local(2026, 10, 10, *END_OF_DAY)
        )
        # Sunday Sep 20 is a make-up working day.
        self.assertEqual(
            self.due(local(2026, 9, 19, 10, 0), 1), local(2026, 9, 20, *END_OF_DAY)
        )
        # Spring Festival Feb 15-23; Saturday Feb 14 is worked.
        self.assertEqual(
            self.due(local(2026, 2, 13, 10, 0), 1), local(2026, 2, 14, *END_OF_DAY)
        )
        self.assertEqual(
            self.due(local(2026, 2, 14, 10, 0), 1), local(2026, 2, 24, *END_OF_DAY)
        )
        self.assertFalse(self.workday.is_working_day(date(2026, 10, 5), self.wuhan))
        self.assertTrue(self.workday.is_working_day(date(2026, 10, 10), self.wuhan))
        self.assertFalse(self.workday.is_working_day(date(2026, 11, 21), self.wuhan))

    def test_org_rule_01_editable_makeup_day_counts(self):
        """ORG-RULE-01: a make-up day added as data makes a Saturday a working day."""
        saturday = date(2026, 11, 28)
        self.assertFalse(self.workday.is_working_day(saturday, self.wuhan))
        self.env["scm.workday.makeup"].create(
            {"name": "Test make-up", "date": saturday}
        )
        self.assertTrue(self.workday.is_working_day(saturday, self.wuhan))
        self.assertEqual(
            self.due(local(2026, 11, 27, 10, 0), 1), local(2026, 11, 28, *END_OF_DAY)
        )

    def test_org_rule_01_local_day_of_a_late_utc_moment(self):
        """ORG-RULE-01: the trigger day is the company's local day: Friday 17:00 UTC
        is already Saturday in China, so 1 WD is Monday."""
        friday_utc_evening = datetime(2026, 11, 20, 17, 0)
        self.assertEqual(
            self.due(friday_utc_evening, 1), local(2026, 11, 23, *END_OF_DAY)
        )

    def test_org_rule_01_bad_amounts_are_rejected(self):
        """ORG-RULE-01: a negative or fractional number of days is refused."""
        for bad in (-1, 1.5, "2", None):
            with self.assertRaises(ValidationError):
                self.due(local(2026, 11, 20, 10, 0), bad)

    def test_org_rule_01_makeup_day_must_be_a_weekend(self):
        """ORG-RULE-01: only a weekend day can be a make-up working day."""
        with self.assertRaises(ValidationError):
            self.env["scm.workday.makeup"].create(
                {"name": "Wrong", "date": date(2026, 11, 25)}
            )

    def test_org_rule_02_calendar_days_and_fixed_dates(self):
        """ORG-RULE-02: a branch plan submitted Dec 1 is late against Nov 30; a
        brand stage started Mar 1 with 10 days is overdue on Mar 12."""
        nov30 = self.workday.annual_date(11, 30, local(2026, 11, 2, 9, 0), self.wuhan)
        self.assertEqual(nov30, local(2026, 11, 30, *END_OF_DAY))
        self.assertGreater(local(2026, 12, 1, 9, 0), nov30)
        stage_due = self.workday.add_calendar_days(
            local(2026, 3, 1, 9, 0), 10, self.wuhan
        )
        self.assertEqual(stage_due, local(2026, 3, 11, *END_OF_DAY))
        self.assertGreater(local(2026, 3, 12, 0, 1), stage_due)
        self.assertLess(local(2026, 3, 11, 18, 0), stage_due)
        # Calendar days do not skip weekends or holidays.
        self.assertEqual(
            self.workday.add_calendar_days(local(2026, 9, 30, 9, 0), 1, self.wuhan),
            local(2026, 10, 1, *END_OF_DAY),
        )

    def test_org_rule_02_fifth_of_next_month(self):
        """ORG-RULE-02: "by the 5th of the next month", across a year end too."""
        self.assertEqual(
            self.workday.next_month_day(5, local(2026, 1, 20, 9, 0), self.wuhan),
            local(2026, 2, 5, *END_OF_DAY),
        )
        self.assertEqual(
            self.workday.next_month_day(5, local(2026, 12, 20, 9, 0), self.wuhan),
            local(2027, 1, 5, *END_OF_DAY),
        )
        with self.assertRaises(ValidationError):
            self.workday.annual_date(2, 30, local(2026, 1, 1, 9, 0), self.wuhan)

    def test_org_rule_03_same_day_ends_at_midnight(self):
        """ORG-RULE-03: a same-day approval at 00:05 the next day is late."""
        received = local(2026, 11, 20, 15, 0)
        due = self.workday.compute_due("same_day", 0, received, self.wuhan)
        self.assertEqual(due, local(2026, 11, 20, *END_OF_DAY))
        self.assertGreater(local(2026, 11, 21, 0, 5), due)

    def test_org_rule_10_working_days_late(self):
        """ORG-RULE-10: lateness is counted in working days after the due day."""
        due = local(2026, 11, 20, *END_OF_DAY)
        self.assertEqual(
            self.workday.working_days_between(
                due, local(2026, 11, 23, 9, 0), self.wuhan
            ),
            1,
        )
        self.assertEqual(
            self.workday.working_days_between(
                due, local(2026, 11, 20, 23, 0), self.wuhan
            ),
            0,
        )

    def test_org_rule_01_the_system_counts_days_in_china(self):
        """ORG-RULE-01: the scheduled jobs run as the system user; at 00:30 in
        Beijing (16:30 UTC) their today is already China's next day, as for
        every user of the company, and a test's china_today() agrees."""
        system = self.env["scm.deadline"].with_user(self.env.ref("base.user_root"))
        with freeze_time("2026-12-07 16:30:00"):
            self.assertEqual(fields.Date.context_today(system), date(2026, 12, 8))
            self.assertEqual(china_today(), date(2026, 12, 8))
            admin = self.env.ref("base.user_admin")
            self.assertEqual(
                fields.Date.context_today(system.with_user(admin)), date(2026, 12, 8)
            )

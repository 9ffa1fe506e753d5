import calendar as pycalendar
from datetime import date, datetime, time, timedelta

import pytz

from odoo import _, api, models
from odoo.exceptions import ValidationError

DEFAULT_TZ = "Asia/Shanghai"
# Today where the company works, for SQL views read at any hour: PostgreSQL's
# CURRENT_DATE is the database session's day (UTC under Odoo), which is still
# yesterday in China from 16:00 UTC on.
SQL_TODAY = f"(now() AT TIME ZONE '{DEFAULT_TZ}')::date"
END_OF_DAY = time(23, 59, 59)
# Far enough ahead for any deadline of the manual (the longest is a month).
LOOKAHEAD_DAYS = 400


class ScmWorkday(models.AbstractModel):
    """Deadline arithmetic on the company's working-day calendar.

    ORG-RULE-01: the trigger day is day 0 and an N-working-day deadline ends
    at the end of the Nth following working day. ORG-RULE-02: calendar-day and
    fixed-date deadlines. ORG-RULE-03: same-day deadlines end at midnight.
    Results are naive UTC datetimes, as Odoo stores them."""

    _name = "scm.workday"
    _description = "Working-day Deadline Service"

    @api.model
    def _calendar(self, company=None):
        company = company or self.env.company
        # The working calendar of the document's company, whatever companies
        # are active in the reader's switcher: an HQ reviewer with only HQ
        # active decides on a Wuhan document and opens Wuhan deadlines.
        return company.sudo().resource_calendar_id or self.env.ref(
            "scm_base.resource_calendar_china"
        )

    @api.model
    def _tz(self, company=None):
        return pytz.timezone(self._calendar(company).tz or DEFAULT_TZ)

    @api.model
    def _local_date(self, moment, company=None):
        """The calendar day (in the company's time zone) of a UTC datetime."""
        if isinstance(moment, date) and not isinstance(moment, datetime):
            return moment
        return pytz.utc.localize(moment).astimezone(self._tz(company)).date()

    @api.model
    def _start_of_day(self, day, company=None):
        """The UTC moment (naive, as stored) a calendar day starts in the
        company's time zone: where a search of stored moments by day begins."""
        local = self._tz(company).localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _end_of_day(self, day, company=None):
        local = self._tz(company).localize(datetime.combine(day, END_OF_DAY))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _day_table(self, first, last, company=None):
        """Which days of [first, last] are working days, in two queries."""
        cal = self._calendar(company)
        tz = self._tz(company)
        weekdays = {int(d) for d in cal.attendance_ids.mapped("dayofweek")}
        start_utc = tz.localize(datetime.combine(first, time.min)).astimezone(pytz.utc)
        end_utc = tz.localize(datetime.combine(last, time.max)).astimezone(pytz.utc)
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "=", False),
                    ("calendar_id", "in", [False, cal.id]),
                    ("date_from", "<=", end_utc.replace(tzinfo=None)),
                    ("date_to", ">=", start_utc.replace(tzinfo=None)),
                ]
            )
        )
        holidays = set()
        for leave in leaves:
            day = self._local_date(leave.date_from, company)
            until = self._local_date(leave.date_to, company)
            while day <= until:
                holidays.add(day)
                day += timedelta(days=1)
        makeups = set(
            self.env["scm.workday.makeup"]
            .sudo()
            .search(
                [
                    ("calendar_id", "in", [False, cal.id]),
                    ("date", ">=", first),
                    ("date", "<=", last),
                ]
            )
            .mapped("date")
        )
        table = {}
        day = first
        while day <= last:
            table[day] = day in makeups or (
                day.weekday() in weekdays and day not in holidays
            )
            day += timedelta(days=1)
        return table

    @api.model
    def is_working_day(self, day, company=None):
        return self._day_table(day, day, company)[day]

    @api.model
    def _check_amount(self, amount):
        if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
            raise ValidationError(
                _(
                    "A deadline needs a whole, non-negative number of days, "
                    "not %(amount)s.",
                    amount=amount,
                )
            )

    @api.model
    def add_working_days(self, start, amount, company=None):
        """End of the `amount`-th working day after the day of `start`."""
        self._check_amount(amount)
        first = self._local_date(start, company)
        table = self._day_table(first, first + timedelta(days=LOOKAHEAD_DAYS), company)
        day, counted = first, 0
        while counted < amount:
            day += timedelta(days=1)
            if day not in table:
                raise ValidationError(
                    _("The working calendar has no working days ahead of %s.", first)
                )
            counted += table[day]
        return self._end_of_day(day, company)

    @api.model
    def add_calendar_days(self, start, amount, company=None):
        self._check_amount(amount)
        day = self._local_date(start, company) + timedelta(days=amount)
        return self._end_of_day(day, company)

    @api.model
    def same_day(self, start, company=None):
        return self.add_calendar_days(start, 0, company)

    @api.model
    def annual_date(self, month, day, reference, company=None):
        """End of the fixed date (e.g. Nov 15) in the reference day's year."""
        year = self._local_date(reference, company).year
        try:
            target = date(year, month, day)
        except ValueError as exc:
            raise ValidationError(
                _("%(month)s/%(day)s is not a date.", month=month, day=day)
            ) from exc
        return self._end_of_day(target, company)

    @api.model
    def next_month_day(self, day, reference, company=None):
        """End of the given day of the month after the reference day
        ("by the 5th of next month")."""
        ref = self._local_date(reference, company)
        year, month = (
            (ref.year + 1, 1) if ref.month == 12 else (ref.year, ref.month + 1)
        )
        last = pycalendar.monthrange(year, month)[1]
        return self._end_of_day(date(year, month, min(day, last)), company)

    @api.model
    def working_days_between(self, start, end, company=None):
        """Working days after the day of `start` up to the day of `end`."""
        first = self._local_date(start, company)
        last = self._local_date(end, company)
        if last <= first:
            return 0
        table = self._day_table(first + timedelta(days=1), last, company)
        return sum(table.values())

    @api.model
    def compute_due(self, unit, amount, start, company=None, month=None, day=None):
        """One entry point for every deadline kind of the manual."""
        if unit == "working_days":
            return self.add_working_days(start, amount, company)
        if unit == "calendar_days":
            return self.add_calendar_days(start, amount, company)
        if unit == "same_day":
            return self.same_day(start, company)
        if unit == "annual_date":
            return self.annual_date(month, day, start, company)
        if unit == "next_month_day":
            return self.next_month_day(day, start, company)
        raise ValidationError(_("Unknown deadline unit %(unit)s.", unit=unit))

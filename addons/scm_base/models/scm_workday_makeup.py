from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ScmWorkdayMakeup(models.Model):
    """A weekend day that is worked to make up for a holiday bridge (调休).

    Odoo's calendars know public holidays (resource.calendar.leaves) but not
    worked weekend days, which Chinese holiday schedules always include."""

    _name = "scm.workday.makeup"
    _description = "Make-up Working Day"
    _order = "date"

    name = fields.Char(string="Reason", required=True)
    date = fields.Date(required=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        help="Leave empty to apply to every calendar.",
    )

    _sql_constraints = [
        (
            "date_calendar_unique",
            "UNIQUE(date, calendar_id)",
            "This day is already a make-up working day of this calendar.",
        ),
    ]

    @api.constrains("date")
    def _check_weekend(self):
        for makeup in self:
            if makeup.date.weekday() < 5:
                raise ValidationError(
                    _(
                        "%(date)s is a weekday: only a weekend day can be a "
                        "make-up working day.",
                        date=makeup.date,
                    )
                )

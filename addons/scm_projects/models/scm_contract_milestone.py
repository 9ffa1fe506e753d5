from odoo import fields, models


class ScmContractMilestone(models.Model):
    _inherit = "scm.contract.milestone"

    def _scm_set_event_date(self, event_date, schedule=True):
        """The event a triggered payment waits for happened on `event_date`:
        the payment falls due then and Finance owes its collection from that
        day (PRJ-TRK-08)."""
        event_date = fields.Date.to_date(event_date)
        undated = self.filtered(lambda m: m.trigger != "date" and not m.due_date)
        if not undated or not event_date:
            return undated
        undated.sudo().write({"due_date": event_date})
        if schedule:
            undated._scm_schedule_collection()
        return undated

from datetime import timedelta

from odoo import api, models


class HelpdeskTicketSla(models.Model):
    """A request's SLA counted by the suite: due from the SLA's start moment
    on its calendar, met when the done moment is on time, expired when it is
    late (or the due time has passed without it, see `expired`)."""

    _inherit = "helpdesk.ticket.sla"

    def _scm_due(self):
        self.ensure_one()
        sla = self.sla_id
        ticket = self.ticket_id
        start = ticket[sla.scm_start_field] if sla.scm_start_field else False
        start = start or ticket.create_date
        if not start:
            return False
        if sla.scm_calendar == "round_the_clock":
            return start + timedelta(days=sla.days, hours=sla.hours)
        if sla.scm_calendar == "working_days":
            due = self.env["scm.workday"].add_working_days(
                start, sla.days, ticket.company_id
            )
            return due + timedelta(hours=sla.hours)
        return ticket.team_id.resource_calendar_id.plan_hours(
            self.hours, start, compute_leaves=True
        )

    def _scm_state(self, due):
        self.ensure_one()
        done = self.ticket_id[self.sla_id.scm_done_field]
        if not done:
            return "in_progress"
        return "accomplished" if due and done <= due else "expired"

    @api.depends("sla_id")
    def _compute_sla_data(self):
        res = super()._compute_sla_data()
        for record in self.filtered(lambda r: r.sla_id.scm_done_field):
            record.state = record._scm_state(record._scm_due())
        return res

    def _compute_deadline(self):
        counted = self.filtered(lambda r: r.sla_id.scm_done_field)
        for record in counted:
            record.deadline = record._scm_due()
        return super(HelpdeskTicketSla, self - counted)._compute_deadline()

    def _stage_recompute(self):
        if self.sla_id.scm_done_field:
            return self._scm_sla_update()
        return super()._stage_recompute()

    def _scm_sla_update(self):
        """Recount the suite's SLAs after a step recorded their moment."""
        for record in self.sudo().filtered(lambda r: r.sla_id.scm_done_field):
            due = record._scm_due()
            record.write({"deadline": due, "state": record._scm_state(due)})
        return True

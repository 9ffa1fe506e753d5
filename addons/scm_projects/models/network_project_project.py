from datetime import datetime, time

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.scm_contracts.models.scm_contract import IN_FORCE

# Fields of a network project written only by its SUP-EPM-01 steps.
NETWORK_STEP_FIELDS = ("scm_equipment_arrived_date", "scm_cancelled_date")
# Code of the sign-off deadline the PM owes after arrival.
SIGNOFF_DEADLINE = "SUP-EPM-02"


class ProjectProject(models.Model):
    """Network Engineering (N) projects follow the hardware/network project
    states of SUP-EPM-01: initiation preparation → initiated (an approved
    contract in force) → equipment arrived (every equipment line received)
    → closed (the customer-sealed sign-off list, SUP-EPM-02), or cancelled.
    Their equipment list changes only through an approved change request
    once initiated (SUP-EPM-03)."""

    _inherit = "project.project"

    scm_equipment_ids = fields.One2many(
        "scm.project.equipment", "project_id", string="Equipment"
    )
    scm_equipment_arrived_date = fields.Date(
        string="Equipment Arrived On",
        readonly=True,
        copy=False,
        help="The day the last equipment line was received (SUP-EPM-01); the "
        "sign-off list is due 10 working days later (SUP-EPM-02).",
    )
    scm_cancelled_date = fields.Date(string="Cancelled On", readonly=True, copy=False)
    scm_signoff_ids = fields.One2many(
        "scm.project.equipment.signoff", "project_id", string="Equipment Sign-off"
    )
    scm_equipment_count = fields.Integer(compute="_compute_scm_network_counts")
    scm_equipment_change_count = fields.Integer(compute="_compute_scm_network_counts")
    scm_work_order_count = fields.Integer(compute="_compute_scm_network_counts")
    scm_disc_request_count = fields.Integer(compute="_compute_scm_network_counts")

    def _compute_scm_network_counts(self):
        counts = {}
        for model, key in (
            ("scm.project.equipment", "scm_equipment_count"),
            ("scm.project.equipment.change", "scm_equipment_change_count"),
            ("scm.project.work.order", "scm_work_order_count"),
            ("scm.project.disc.request", "scm_disc_request_count"),
        ):
            groups = self.env[model]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
            counts[key] = {project.id: count for project, count in groups}
        for project in self:
            for key, by_project in counts.items():
                project[key] = by_project.get(project.id, 0)

    # -- guard -----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                preset = {name for name in NETWORK_STEP_FIELDS if vals.get(name)}
                if preset:
                    raise self._scm_guard_error(preset)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            protected = set(NETWORK_STEP_FIELDS) & vals.keys()
            if protected:
                raise self._scm_guard_error(protected)
        return super().write(vals)

    # -- roles -------------------------------------------------------------------
    def _scm_is_network(self):
        self.ensure_one()
        return self.sudo().scm_contract_id.contract_type == "network"

    def _scm_check_network(self):
        # The user's own access first: another branch gets an access error.
        self.check_access("read")
        for project in self:
            if not project._scm_is_network():
                raise UserError(
                    _(
                        "%(doc)s is not a Network Engineering project: the "
                        "equipment-project states (SUP-EPM-01) do not apply.",
                        doc=project.display_name,
                    )
                )

    def _scm_check_pm_or_mcd(self, action):
        user = self.env.user
        for project in self:
            if not (project.sudo()._scm_acts_as_pm(user) or project._scm_is_mcd(user)):
                raise UserError(
                    _(
                        "Only the project manager of %(doc)s or the MCD manager "
                        "may %(action)s it.",
                        doc=project.display_name,
                        action=action,
                    )
                )

    # -- SUP-EPM-01 steps --------------------------------------------------------
    def action_scm_network_initiate(self):
        """立项: the project is initiated once its contract is approved and
        in force (SUP-EPM-01)."""
        for project in self:
            project._scm_check_network()
            project._scm_check_pm_or_mcd(_("initiate"))
            project._scm_check_phase(("initiation_prep",), _("initiated"))
            contract = project.sudo().scm_contract_id
            if contract.stage not in IN_FORCE:
                raise UserError(
                    _(
                        "%(doc)s cannot be initiated: its contract %(contract)s "
                        "is not approved and in force (SUP-EPM-01).",
                        doc=project.display_name,
                        contract=contract.display_name,
                    )
                )
            project._scm_step_write(
                {
                    "scm_phase": "initiated",
                    "scm_initiated_date": fields.Date.context_today(project),
                }
            )
            project.sudo().message_post(
                body=_("Network project initiated (SUP-EPM-01).")
            )
        return True

    def action_scm_network_arrive(self):
        """到货: set only when every equipment line is received; the PM then
        owes the customer-sealed sign-off list within 10 working days
        (SUP-EPM-01, SUP-EPM-02)."""
        for project in self:
            project._scm_check_network()
            project._scm_check_pm_or_mcd(_("record the equipment arrival of"))
            project._scm_check_phase(("initiated",), _("marked as arrived"))
            lines = project.sudo().scm_equipment_ids
            if not lines:
                raise UserError(
                    _(
                        "%(doc)s has no equipment lines: nothing can have arrived.",
                        doc=project.display_name,
                    )
                )
            pending = lines.filtered(lambda line: not line.received_on)
            if pending:
                raise UserError(
                    _(
                        "%(doc)s cannot be marked as arrived: %(lines)s not "
                        "received yet (SUP-EPM-01).",
                        doc=project.display_name,
                        lines=", ".join(pending.mapped("display_name")),
                    )
                )
            arrived = max(lines.mapped("received_on"))
            project._scm_step_write(
                {"scm_phase": "arrived", "scm_equipment_arrived_date": arrived}
            )
            project._scm_open_signoff_deadline(arrived)
            project.sudo().message_post(
                body=_(
                    "All equipment received on %(date)s: the customer's sign-off "
                    "list is due within 10 working days (SUP-EPM-02).",
                    date=arrived,
                )
            )
        return True

    def _scm_open_signoff_deadline(self, arrived):
        self.ensure_one()
        if self._scm_deadlines(SIGNOFF_DEADLINE):
            return
        pm = self.sudo().user_id or self._scm_mcd_manager()
        # Noon in China of the arrival day: counted from that day.
        start = datetime.combine(arrived, time(4, 0))
        self._scm_deadline_open(
            SIGNOFF_DEADLINE,
            _(
                "Equipment user sign-off list of %(doc)s (customer seal and "
                "serial numbers)",
                doc=self.display_name,
            ),
            pm,
            10,
            start=start,
        )

    def action_scm_network_close(self):
        """结项: from arrival, once nothing blocks the closing (the sealed
        sign-off list first of all, SUP-EPM-02)."""
        for project in self:
            project._scm_check_network()
            project._scm_check_pm_or_mcd(_("close"))
            project._scm_check_phase(("arrived",), _("closed"))
            blockers = project._scm_closing_blockers()
            if blockers:
                raise UserError(
                    _(
                        "%(doc)s cannot be closed yet:\n%(reasons)s",
                        doc=project.display_name,
                        reasons="\n".join(f"- {reason}" for reason in blockers),
                    )
                )
            project._scm_step_write(
                {
                    "scm_phase": "closed",
                    "scm_closed_date": fields.Date.context_today(project),
                }
            )
            project.sudo().message_post(body=_("Network project closed."))
        return True

    def action_scm_network_cancel(self):
        """撤销: the MCD manager cancels a network project before its
        equipment arrived (SUP-EPM-01)."""
        for project in self:
            project._scm_check_network()
            if not project._scm_is_mcd(self.env.user):
                raise UserError(
                    _(
                        "Only the MCD manager may cancel %(doc)s.",
                        doc=project.display_name,
                    )
                )
            project._scm_check_phase(("initiation_prep", "initiated"), _("cancelled"))
            project._scm_step_write(
                {
                    "scm_phase": "cancelled",
                    "scm_cancelled_date": fields.Date.context_today(project),
                }
            )
            project._scm_deadline_cancel()
            project.sudo().message_post(body=_("Network project cancelled."))
        return True

    def _scm_after_equipment_change(self):
        """An approved change that adds equipment to an arrived project
        means not everything has arrived: the project returns to initiated
        and the sign-off deadline waits for the new arrival."""
        self.ensure_one()
        if self.scm_phase == "arrived" and self.scm_equipment_ids.filtered(
            lambda line: not line.received_on
        ):
            self._scm_step_write(
                {"scm_phase": "initiated", "scm_equipment_arrived_date": False}
            )
            self._scm_deadline_cancel("SUP-EPM-02")
            self.message_post(
                body=_(
                    "New equipment was approved: the project waits for its "
                    "arrival again (SUP-EPM-01)."
                )
            )

    def _scm_closing_blockers(self):
        blockers = super()._scm_closing_blockers()
        if not self._scm_is_network():
            return blockers
        project = self.sudo()
        if not project.scm_signoff_ids.filtered("customer_signed_date"):
            blockers.append(
                _(
                    "The equipment user sign-off list with the customer's seal "
                    "and every serial number is missing (SUP-EPM-02)."
                )
            )
        pending = (
            self.env["scm.project.equipment.change"]
            .sudo()
            .search_count(
                [("project_id", "=", project.id), ("state", "=", "submitted")]
            )
        )
        if pending:
            blockers.append(
                _("An equipment change awaits the MCD manager's decision (SUP-EPM-03).")
            )
        return blockers

    # -- smart buttons -------------------------------------------------------------
    def _scm_network_action(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("project_id", "=", self.id)],
            "context": {"default_project_id": self.id},
        }

    def action_open_scm_equipment(self):
        return self._scm_network_action("scm.project.equipment", _("Equipment"))

    def action_open_scm_equipment_changes(self):
        return self._scm_network_action(
            "scm.project.equipment.change", _("Equipment Changes")
        )

    def action_open_scm_signoff(self):
        """The project's sign-off list, or a new one for the PM to draw up."""
        self.ensure_one()
        self.check_access("read")
        signoff = self.scm_signoff_ids[:1]
        return {
            "type": "ir.actions.act_window",
            "name": _("Equipment Sign-off List"),
            "res_model": "scm.project.equipment.signoff",
            "view_mode": "form",
            "res_id": signoff.id or False,
            "context": {"default_project_id": self.id},
        }

    def action_open_scm_work_orders(self):
        return self._scm_network_action("scm.project.work.order", _("Work Orders"))

    def action_open_scm_disc_requests(self):
        return self._scm_network_action("scm.project.disc.request", _("Disc Requests"))

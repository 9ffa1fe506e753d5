from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

NEED_STATES = [
    ("draft", "Draft"),
    ("submitted", "Sent to MRD"),
    ("received", "Received by MRD"),
    ("triaged", "Classified"),
    ("development", "Free Development"),
    ("not_developed", "Not Developed"),
    ("r_contract", "R Contract Proposed"),
]
CLASSIFICATIONS = [
    ("a", "(a) Affects the daily flow, no main-flow change"),
    ("b", "(b) Does not affect the daily flow"),
    ("c", "(c) Changes the main flow or adds a sub-module"),
    ("d", "(d) Outside the contracted services (R contract)"),
]
REPORTER_FIELDS = {"name", "description", "importance", "urgency"}
MRD_FIELDS = {"classification", "solution", "target_date", "schedule_date"}


class ScmProjectNeed(models.Model):
    """A new individual management need the customer raises during the free
    run-in: the consultant's 《客户需求报告单》 to MRD requirement staff, who
    classify it (a)-(d) (PRJ-RUN-08, SUP-REQ-02)."""

    _name = "scm.project.need"
    _description = "Run-in Customer Need"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.project.runin.priority.mixin",
        "scm.project.document.mixin",
    ]
    _order = "id desc"
    _scm_step_fields = (
        "state",
        "priority",
        "reporter_id",
        "submitted_date",
        "received_date",
        "received_by_id",
        "triaged_by_id",
        "free",
        "mrd_decision",
        "approval_state",
        "approved_by_id",
        "approved_date",
        "lead_id",
        "scm_deadline_ids",
    )

    name = fields.Char(string="Need", required=True, tracking=True)
    description = fields.Text(required=True)
    state = fields.Selection(
        NEED_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    submitted_date = fields.Datetime(string="Sent to MRD On", readonly=True)
    received_date = fields.Datetime(string="Received by MRD On", readonly=True)
    received_by_id = fields.Many2one("res.users", readonly=True)
    classification = fields.Selection(CLASSIFICATIONS, tracking=True)
    triaged_by_id = fields.Many2one("res.users", string="Classified By", readonly=True)
    solution = fields.Text()
    target_date = fields.Date(string="Resolution Target")
    free = fields.Boolean(string="Free Development", readonly=True, tracking=True)
    mrd_decision = fields.Selection(
        [("develop", "Develop"), ("not_develop", "Do Not Develop")],
        string="MRD Decision",
        readonly=True,
        tracking=True,
    )
    approval_state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        string="Approval",
        readonly=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    approved_date = fields.Datetime(string="Decided On", readonly=True)
    lead_id = fields.Many2one(
        "crm.lead", string="R Contract Opportunity", readonly=True
    )

    # -- roles -------------------------------------------------------------------
    def _runin_is_reporter(self, user):
        return self.project_id.sudo()._scm_is_branch_worker(user)

    def _runin_is_mrd(self, user):
        return any(
            user.has_group(group)
            for group in (
                "scm_base.group_mrd_manager",
                "scm_base.group_mrd_lead",
                "scm_base.group_mrd_analyst",
            )
        )

    def _runin_is_cc_manager(self, user):
        return user.has_group("scm_base.group_cc_manager")

    def _runin_check(self, allowed, action, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(
                    _(
                        "%(doc)s is %(state)s: it cannot be %(action)s now.",
                        doc=record.display_name,
                        state=labels[record.state],
                        action=action,
                    )
                )
            if not allowed(record, self.env.user):
                raise UserError(
                    _(
                        "You may not %(action)s %(doc)s.",
                        action=action,
                        doc=record.display_name,
                    )
                )

    # -- guard -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            for record in records:
                record.project_id.sudo()._scm_check_phase(
                    ("runin",), _("given a run-in customer need")
                )
                if not record._runin_is_reporter(self.env.user):
                    raise UserError(
                        _("Only the project team or its branch may report a need.")
                    )
        return records

    def write(self, vals):
        if not self.env.su:
            names = set(vals)
            user = self.env.user
            for fields_, states, allowed in (
                (REPORTER_FIELDS, ("draft",), lambda r, u: r._runin_is_reporter(u)),
                (MRD_FIELDS, ("received", "triaged"), lambda r, u: r._runin_is_mrd(u)),
            ):
                if names & fields_:
                    for record in self:
                        if record.state not in states or not allowed(record, user):
                            raise UserError(
                                _(
                                    "You may not change %(doc)s now.",
                                    doc=record.display_name,
                                )
                            )
            if "classification" in vals and any(r.state != "received" for r in self):
                raise UserError(_("A classified need keeps its classification."))
        return super().write(vals)

    # -- steps -------------------------------------------------------------------
    def action_submit(self):
        self.ensure_one()
        self._runin_check(
            lambda r, u: r._runin_is_reporter(u), _("submitted"), ("draft",)
        )
        if not self.importance or not self.urgency:
            raise UserError(
                _(
                    "State the importance and the urgency of %(doc)s before "
                    "submitting it (SUP-REQ-02).",
                    doc=self.display_name,
                )
            )
        self._scm_step_write(
            {"state": "submitted", "submitted_date": fields.Datetime.now()}
        )
        mrd = self.project_id.sudo()._scm_unit_manager("scm_base.dept_mrd")
        self.env["scm.notice"]._scm_send(
            self,
            _("Customer need of the run-in: %(doc)s", doc=self.display_name),
            self._runin_body(self.description),
            mrd.partner_id,
        )
        return True

    def action_receive(self):
        self.ensure_one()
        self._runin_check(
            lambda r, u: r._runin_is_mrd(u), _("received"), ("submitted",)
        )
        self._scm_step_write(
            {
                "state": "received",
                "received_date": fields.Datetime.now(),
                "received_by_id": self.env.user.id,
            }
        )
        return True

    def action_triage(self):
        """PRJ-RUN-08: MRD classifies the need; (a) is free and its solution
        due within 3 WD of MRD's receipt, (c) waits for approval, (d) becomes
        an R-contract opportunity."""
        self.ensure_one()
        self._runin_check(
            lambda r, u: r._runin_is_mrd(u), _("classified"), ("received",)
        )
        if not self.classification:
            raise UserError(
                _(
                    "Classify %(doc)s as (a), (b), (c) or (d) first (PRJ-RUN-08).",
                    doc=self.name,
                )
            )
        if self.classification != "d" and not self.schedule_date:
            raise UserError(
                _("Give the schedule date of %(doc)s (SUP-REQ-02).", doc=self.name)
            )
        values = {"state": "triaged", "triaged_by_id": self.env.user.id}
        if self.classification == "a":
            values["free"] = True
        elif self.classification == "c":
            values["approval_state"] = "pending"
        elif self.classification == "d":
            values.update(state="r_contract", free=False)
        self._scm_step_write(values)
        if self.classification == "a":
            mrd = self.project_id.sudo()._scm_unit_manager("scm_base.dept_mrd")
            self._scm_deadline_open(
                "PRJ-RUN-08",
                _("Agree the solution of %(doc)s", doc=self.display_name),
                mrd,
                3,
                start=self.received_date,
            )
        elif self.classification == "d":
            self._runin_create_opportunity()
        return True

    def _runin_create_opportunity(self):
        """(d): an opportunity for an R contract with the project's customer,
        in the project's branch, owned by the PM."""
        project = self.project_id.sudo()
        lead = (
            self.env["crm.lead"]
            .sudo()
            .create(
                {
                    # The branch's naming of R-contract opportunities.
                    "name": f"R 合同: {self.name}",
                    "type": "opportunity",
                    "partner_id": project.partner_id.id,
                    "company_id": project.company_id.id,
                    "user_id": project.user_id.id,
                    "description": self.description,
                }
            )
        )
        self._scm_step_write({"lead_id": lead.id})
        self.sudo().message_post(
            body=_(
                "Outside the contracted services: the opportunity %(lead)s was "
                "created for an R contract (PRJ-RUN-08).",
                lead=lead.display_name,
            )
        )
        return lead

    def _runin_check_free_development(self):
        for record in self:
            if record.classification == "d":
                raise UserError(
                    _(
                        "%(doc)s is outside the contracted services: it needs "
                        "an R contract, not free development (PRJ-RUN-08).",
                        doc=record.display_name,
                    )
                )
            if record.classification == "c" and record.approval_state != "approved":
                raise UserError(
                    _(
                        "%(doc)s changes the main flow or adds a sub-module: it "
                        "is developed free only after approval (PRJ-RUN-08).",
                        doc=record.display_name,
                    )
                )

    def action_agree_solution(self):
        """(a): MRD agrees the solution and the time with Software and QC;
        free development follows."""
        self.ensure_one()
        self._runin_check(
            lambda r, u: r._runin_is_mrd(u), _("given a solution"), ("triaged",)
        )
        self._runin_check_free_development()
        if self.classification != "a":
            raise UserError(_("Only an (a) need gets its solution this way."))
        if not (self.solution or "").strip() or not self.target_date:
            raise UserError(
                _("Give the solution and the target date of %(doc)s.", doc=self.name)
            )
        self._scm_step_write({"state": "development"})
        self._scm_deadline_close("PRJ-RUN-08")
        self._runin_notify_result()
        return True

    def action_mrd_decide(self, decision):
        """(b): MRD decides whether to develop."""
        self.ensure_one()
        self._runin_check(lambda r, u: r._runin_is_mrd(u), _("decided"), ("triaged",))
        if self.classification != "b":
            raise UserError(_("Only a (b) need is decided by MRD this way."))
        if decision not in ("develop", "not_develop"):
            raise UserError(_("Choose to develop or not."))
        if decision == "develop":
            self._runin_check_free_development()
        self._scm_step_write(
            {
                "mrd_decision": decision,
                "state": "development" if decision == "develop" else "not_developed",
            }
        )
        self._runin_notify_result()
        return True

    def action_mrd_develop(self):
        return self.action_mrd_decide("develop")

    def action_mrd_not_develop(self):
        return self.action_mrd_decide("not_develop")

    def action_approve(self):
        """(c): the company's approval (Customer Center manager) before any
        free development."""
        return self._runin_decide_approval("approved")

    def action_reject(self):
        return self._runin_decide_approval("rejected")

    def _runin_decide_approval(self, decision):
        self.ensure_one()
        self._runin_check(
            lambda r, u: r._runin_is_cc_manager(u), _("approved"), ("triaged",)
        )
        if self.classification != "c":
            raise UserError(
                _(
                    "%(doc)s is not a main-flow change: it needs no approval.",
                    doc=self.display_name,
                )
            )
        self._scm_step_write(
            {
                "approval_state": decision,
                "approved_by_id": self.env.user.id,
                "approved_date": fields.Datetime.now(),
                "state": "development" if decision == "approved" else "not_developed",
                "free": decision == "approved",
            }
        )
        self._runin_notify_result()
        return True

    def _runin_notify_result(self):
        project = self.project_id.sudo()
        partners = (
            project.user_id | project.scm_member_user_ids | self.reporter_id
        ).partner_id
        labels = dict(self._fields["state"]._description_selection(self.env))
        self.env["scm.notice"]._scm_send(
            self,
            _(
                "Customer need %(doc)s: %(state)s",
                doc=self.display_name,
                state=labels[self.state],
            ),
            self._runin_body(self.solution or ""),
            partners,
        )

    def _runin_body(self, detail):
        return Markup("<p>%s</p><p>%s</p>") % (escape(self.display_name), detail or "")

    def action_print(self):
        return self.env.ref("scm_projects.action_report_runin_need").report_action(self)

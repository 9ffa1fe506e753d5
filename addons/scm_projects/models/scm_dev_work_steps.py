from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .devagr_document_mixin import SIDES

# The contract plans of a contract project that stand for the QC and
# software work plans (PRJ-DEV-04 / PRJ-SC-03, issue 10's scm.project.plan).
PROJECT_UNIT_PLANS = {"qc": "qc", "software": "software"}
ISSUED_PROJECT_PLAN_STATES = ("issued", "approved")

ACCEPTANCE_FIELDS = (
    "dev_accepted_date",
    "dev_accepted_by_id",
    "dev_delivery_date",
    "dev_due_date",
    "dev_days_late",
    "dev_qc_result",
    "dev_breach_software",
    "dev_breach_qc",
    "dev_breach_requirements",
    "dev_acceptance_note",
)


class ScmDevWork(models.Model):
    """The requirement side of a development (issue 11, area devreq): the
    plan it comes from, the requirement work plan, the QC and software work
    plans, the research reports, the members' work plans, and for a contract
    project its requirement sources (gap list, customer requirement report).

    Other areas call `_scm_agreement_blockers()` (PRJ-DEV-04, before the
    agreement is signed), `_scm_analysis_blockers()` (before an analysis
    report is made: PRJ-DEV-06, PRJ-SC-04, PRJ-SEC-03) and
    `_scm_requirement_sources()` (what the analysis report is built on).

    The later steps of a development (PRJ-DEV-07..15): its analysis
    report versions, system analysis report, agreement, memoranda,
    execution status sheet, QC reports and the requirement side's
    acceptance with its days late and breaches."""

    _inherit = "scm.dev.work"

    dev_plan_id = fields.Many2one(
        "scm.dev.plan", string="Development Plan", readonly=True, index=True
    )
    requirement_member_ids = fields.Many2many(
        "res.users",
        "scm_dev_work_requirement_member_rel",
        "work_id",
        "user_id",
        string="Requirement Team",
        help="The requirement staff who share the requirement work; with more "
        "than one, each prepares a member work plan (PRJ-DEV-06).",
    )
    req_plan_ids = fields.One2many(
        "scm.dev.req.plan", "work_id", string="Requirement Work Plans"
    )
    unit_plan_ids = fields.One2many(
        "scm.dev.unit.plan", "work_id", string="QC and Software Work Plans"
    )
    research_report_ids = fields.One2many(
        "scm.dev.research.report", "work_id", string="Research Reports"
    )
    member_plan_ids = fields.One2many(
        "scm.dev.member.plan", "work_id", string="Member Work Plans"
    )
    gap_list_ids = fields.One2many(
        "scm.dev.gap.list", "dev_work_id", string="Requirement Gap Lists"
    )
    requirement_report_ids = fields.One2many(
        "scm.dev.requirement.report",
        "dev_work_id",
        string="Customer Requirement Reports",
    )
    need_ids = fields.One2many(
        "scm.project.need", "devreq_dev_work_id", string="General Customer Needs"
    )
    agreement_blockers = fields.Text(
        string="Missing Before the Agreement",
        compute="_compute_devreq_blockers",
    )
    analysis_blockers = fields.Text(
        string="Missing Before the Analysis", compute="_compute_devreq_blockers"
    )

    def _scm_step_field_names(self):
        return (
            super()._scm_step_field_names() | {"dev_plan_id"} | set(ACCEPTANCE_FIELDS)
        )

    @api.depends_context("uid")
    def _compute_devreq_blockers(self):
        for work in self:
            work.agreement_blockers = "\n".join(work._scm_agreement_blockers())
            work.analysis_blockers = "\n".join(work._scm_analysis_blockers())

    # -- roles ------------------------------------------------------------------
    def _devreq_acts_for(self, user, principals):
        if user.has_group("scm_base.group_scm_admin"):
            return True
        return self.env["scm.delegation"]._scm_acts_for(user, principals, self._name)

    def _devreq_is_requirement_lead(self, user):
        self.ensure_one()
        return self._devreq_acts_for(user, self.requirement_lead_id)

    def _devreq_is_mrd_side(self, user):
        """The requirement lead or the MRD Manager."""
        self.ensure_one()
        return self._devreq_acts_for(
            user, self.requirement_lead_id | self._scm_mrd_manager()
        )

    def _devreq_is_mrd_member(self, user):
        return user._scm_is_member_of_unit(self.env.ref("scm_base.dept_mrd"))

    def write(self, vals):
        if not self.env.su and "requirement_member_ids" in vals:
            for work in self:
                if not work._devreq_is_mrd_side(self.env.user):
                    raise UserError(
                        _(
                            "Only the requirement lead or the MRD Manager may "
                            "divide the requirement work of %(work)s.",
                            work=work.display_name,
                        )
                    )
        return super().write(vals)

    # -- deadlines -------------------------------------------------------------
    def _devreq_open_req_plan_deadline(self, start):
        """PRJ-DEV-03: the requirement work plan is due within 5 WD of the
        development plan's approval, from the requirement lead."""
        self.ensure_one()
        self._scm_deadline_open(
            "PRJ-DEV-03.1",
            _("Prepare the requirement work plan of %(work)s", work=self.display_name),
            self.requirement_lead_id or self._scm_mrd_manager(),
            5,
            start=start,
        )

    # -- what other areas call -------------------------------------------------
    def _scm_is_c_project(self):
        self.ensure_one()
        return (
            self.kind == "project" and self.project_id.sudo().scm_contract_type == "sc"
        )

    def _scm_is_r_project(self):
        self.ensure_one()
        return (
            self.kind == "project"
            and self.project_id.sudo().scm_contract_type == "secondary"
        )

    def _scm_work_plan(self, plan_type):
        """The QC or software work plan of the work (PRJ-DEV-04): for a
        contract project the project's own issued plan sheet (PRJ-SC-03), for
        the others the filed scm.dev.unit.plan."""
        self.ensure_one()
        if self.kind == "project":
            return (
                self.env["scm.project.plan"]
                .sudo()
                .search(
                    [
                        ("project_id", "=", self.project_id.id),
                        ("plan_type", "=", PROJECT_UNIT_PLANS[plan_type]),
                        ("state", "in", ISSUED_PROJECT_PLAN_STATES),
                    ],
                    limit=1,
                )
            )
        return self.sudo().unit_plan_ids.filtered(
            lambda p: p.plan_type == plan_type and p.state == "filed"
        )[:1]

    def _scm_agreement_blockers(self):
        """PRJ-DEV-04: what is missing before the development agreement
        (PRJ-DEV-10) may be signed: the QC work plan and the software work
        plan. Empty when nothing is missing."""
        self.ensure_one()
        blockers = []
        if not self._scm_work_plan("qc"):
            blockers.append(_("the QC work plan (PRJ-DEV-04)"))
        if not self._scm_work_plan("software"):
            blockers.append(_("the software work plan (PRJ-DEV-04)"))
        return blockers

    def _scm_requirement_sources(self):
        """Where the requirements of the work come from (what the analysis
        report is built on): approved research reports (PRJ-DEV-05), the
        verified gap lists of a C project (PRJ-SC-04), the customer-signed
        requirement reports MRD received for an R project (PRJ-SEC-02/03)
        and the general customer needs of an upgrade (PRJ-UPG-02)."""
        self.ensure_one()
        work = self.sudo()
        return {
            "research_reports": work.research_report_ids.filtered(
                lambda r: r.state == "approved"
            ),
            "gap_lists": work.gap_list_ids.filtered(lambda g: g.state == "verified"),
            "requirement_reports": work.requirement_report_ids.filtered(
                lambda r: r.customer_signed and r.received_date
            ),
            "needs": work.need_ids.filtered("devreq_general"),
        }

    def _scm_analysis_blockers(self):
        """What is missing before requirement staff write the analysis
        report: the reviewed member work plans when the work is divided
        (PRJ-DEV-06), a verified gap list for a C project (PRJ-SC-04), a
        customer-signed requirement report received by MRD for an R project
        (PRJ-SEC-03). Empty when nothing is missing."""
        self.ensure_one()
        work = self.sudo()
        blockers = []
        members = work.requirement_member_ids
        if len(members) > 1:
            approved = work.member_plan_ids.filtered(
                lambda p: p.state == "approved"
            ).mapped("member_id")
            for member in members - approved:
                blockers.append(
                    _(
                        "the reviewed work plan of %(member)s (PRJ-DEV-06)",
                        member=member.name,
                    )
                )
        sources = work._scm_requirement_sources()
        if work._scm_is_c_project() and not sources["gap_lists"]:
            blockers.append(_("a verified customer requirement gap list (PRJ-SC-04)"))
        if work._scm_is_r_project() and not sources["requirement_reports"]:
            blockers.append(
                _(
                    "a customer requirement report signed by the customer and "
                    "received by MRD (PRJ-SEC-03)"
                )
            )
        return blockers

    # -- stage moves ---------------------------------------------------------------
    def _devreq_on_req_plan_approved(self):
        """PRJ-DEV-16: req_work_plan → research."""
        for work in self:
            if work.stage == "req_work_plan":
                work._scm_step_write({"stage": "research"})

    def action_devreq_research_done(self):
        """PRJ-DEV-16: research → analysis, by the requirement lead, when the
        research reports are reviewed (a contract project may instead rely
        on its gap list or requirement report)."""
        for work in self:
            work._scm_check_stage(("research",), _("moved to the analysis"))
            if not work._devreq_is_mrd_side(self.env.user):
                raise UserError(
                    _(
                        "Only the requirement lead of %(work)s may close its research.",
                        work=work.display_name,
                    )
                )
            reports = work.sudo().research_report_ids
            if reports.filtered(lambda r: r.state == "submitted"):
                raise UserError(
                    _(
                        "Review the submitted research reports of %(work)s first "
                        "(PRJ-DEV-05).",
                        work=work.display_name,
                    )
                )
            sources = work._scm_requirement_sources()
            if not any(sources.values()):
                raise UserError(
                    _(
                        "%(work)s has no reviewed research report or other "
                        "requirement source yet.",
                        work=work.display_name,
                    )
                )
            work._scm_step_write({"stage": "analysis"})
        return True

    def _devreq_open_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.dev.work",
            "res_id": self.id,
            "view_mode": "form",
        }

    # -- the agreement to the acceptance (issue 11, area devagr) ----------------
    dev_analysis_ids = fields.One2many(
        "scm.dev.analysis", "work_id", string="Requirement Analysis Reports"
    )
    dev_system_analysis_ids = fields.One2many(
        "scm.dev.system.analysis", "work_id", string="System Analysis Reports"
    )
    dev_agreement_ids = fields.One2many(
        "scm.dev.agreement", "work_id", string="Development Agreements"
    )
    dev_qc_report_ids = fields.One2many(
        "scm.dev.qc.report", "work_id", string="QC Reports"
    )
    dev_accepted_date = fields.Date(string="Accepted On", readonly=True, copy=False)
    dev_accepted_by_id = fields.Many2one(
        "res.users", string="Accepted By", readonly=True, copy=False
    )
    dev_delivery_date = fields.Date(
        string="Delivered On",
        readonly=True,
        copy=False,
        help="The Software Dept's actual completion date on the execution "
        "status sheet (the acceptance date when it gives none).",
    )
    dev_due_date = fields.Date(
        string="Due (Agreement with Memoranda)", readonly=True, copy=False
    )
    dev_days_late = fields.Integer(string="Days Late", readonly=True, copy=False)
    dev_qc_result = fields.Selection(
        [("pass", "Passed"), ("fail", "Failed")],
        string="QC Result",
        readonly=True,
        copy=False,
    )
    dev_breach_software = fields.Boolean(
        string="Breach: Software", readonly=True, copy=False
    )
    dev_breach_qc = fields.Boolean(string="Breach: QC", readonly=True, copy=False)
    dev_breach_requirements = fields.Boolean(
        string="Breach: Requirements", readonly=True, copy=False
    )
    dev_acceptance_note = fields.Text(
        string="Acceptance Note", readonly=True, copy=False
    )

    # -- PRJ-DEV-15: the requirement side accepts ----------------------------
    def _devagr_check_acceptor(self):
        lead = self.requirement_lead_id or self._scm_mrd_manager()
        if self.env.user != lead:
            raise UserError(
                _(
                    "Only the Requirement Project Lead of %(work)s (%(lead)s) "
                    "accepts the software.",
                    work=self.display_name,
                    lead=lead.name,
                )
            )

    def action_dev_accept(self, delay_party="software", note=False):
        """Accept the delivered software on its delivery date (the agreement,
        its memoranda and the development schedule) and its quality (the QC
        report). A failed QC report is the Software Dept's breach; a
        positive delay the breach of `delay_party`."""
        self.ensure_one()
        self._scm_check_stage(("qc",), _("accepted"))
        self._devagr_check_acceptor()
        if delay_party not in dict(SIDES):
            raise UserError(_("Name the party responsible for the delay."))
        work = self.sudo()
        qc_report = work.dev_qc_report_ids.filtered(lambda r: r.stage == "done").sorted(
            lambda r: (r.done_date, r.id)
        )[-1:]
        agreement = work.dev_agreement_ids.filtered(lambda a: a.stage == "signed")[:1]
        if not qc_report or not agreement:
            raise UserError(
                _(
                    "%(work)s is accepted on its signed agreement and its QC report.",
                    work=self.display_name,
                )
            )
        today = fields.Date.context_today(self)
        sheet = agreement.execution_ids[:1]
        delivery = sheet.sw_actual_completion_date or today
        due = agreement.effective_due_date
        days_late = max(0, (delivery - due).days) if due else 0
        flags = {
            "dev_breach_software": qc_report.result == "fail",
            "dev_breach_qc": False,
            "dev_breach_requirements": False,
        }
        if days_late:
            flags[f"dev_breach_{delay_party}"] = True
        breach = any(flags.values())
        self._scm_step_write(
            {
                "stage": "breach" if breach else "accepted",
                "dev_accepted_date": today,
                "dev_accepted_by_id": self.env.user.id,
                "dev_delivery_date": delivery,
                "dev_due_date": due,
                "dev_days_late": days_late,
                "dev_qc_result": qc_report.result,
                "dev_acceptance_note": note or False,
                **flags,
            }
        )
        self.message_post(
            body=_(
                "Accepted by %(user)s: delivered %(delivery)s, due %(due)s, "
                "%(days)s days late, QC %(qc)s.",
                user=self.env.user.name,
                delivery=delivery,
                due=due or "-",
                days=days_late,
                qc=dict(qc_report._fields["result"]._description_selection(self.env))[
                    qc_report.result
                ],
            )
        )
        return True

    def action_open_dev_accept(self):
        return self.env["scm.devagr.reason.wizard"]._devagr_open(self, "accept")

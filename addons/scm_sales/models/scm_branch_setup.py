import re

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

BRANCH_CODE_PATTERN = re.compile(r"^[A-Z]{1,4}$")

SETUP_STAGES = [
    ("market_dev_plan", "Market Development Plan"),
    ("research", "Market Research"),
    ("research_report", "Research Report"),
    ("feasibility", "Feasibility Review"),
    ("office_meeting", "Office Meeting"),
    ("preparation", "Preparation"),
    ("accepted", "Accepted"),
    ("handed_over", "Handed Over"),
    ("cancel", "Cancelled"),
]

# SAL-NBR-10: the only moves of the case. A rejection of the feasibility
# report reopens the research report (SAL-NBR-05); a "re-investigate"
# resolution returns to the feasibility report (SAL-NBR-06).
STAGE_TRANSITIONS = {
    "market_dev_plan": ("research", "cancel"),
    "research": ("research_report", "cancel"),
    "research_report": ("feasibility", "cancel"),
    "feasibility": ("office_meeting", "research_report", "cancel"),
    "office_meeting": ("preparation", "feasibility", "cancel"),
    "preparation": ("accepted", "cancel"),
    "accepted": ("handed_over",),
    "handed_over": (),
    "cancel": (),
}

WORKSTREAM_TYPES = [
    ("planning", "Planning and Organisation"),
    ("hr_training", "HR Allocation and Training"),
    ("capital_budget", "Capital Budget"),
    ("equipment", "Equipment Installation"),
]

SLOT_ACCEPTANCE = "nbr_acceptance"
SLOT_HANDOVER_MANAGER = "nbr_handover_manager"
SLOT_HANDOVER_GROUP = "nbr_handover_group"
HANDOVER_SLOTS = (SLOT_HANDOVER_MANAGER, SLOT_HANDOVER_GROUP)

# Fields of the new branch that the handover form fixes.
BRANCH_FIELDS = ("branch_name", "branch_code", "province_ids", "new_manager_id")


class ScmBranchSetup(models.Model):
    """A new-branch establishment case (000 §二.6, SAL-NBR-01..10): from the
    market development plan through research, feasibility, the Office Meeting,
    preparation and acceptance to the handover that activates the branch."""

    _name = "scm.branch.setup"
    _description = "New Branch Setup"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.signature.mixin",
        "scm.step.guard.mixin",
    ]
    # The stage (SAL-NBR-10) and what its steps record.
    _scm_step_fields = (
        "stage",
        "agenda_date",
        "reinvestigation_count",
        "working_group_id",
        "acceptance_date",
        "handover_date",
        "new_company_id",
    )
    _order = "id desc"

    name = fields.Char(string="Case", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Owning Unit",
        required=True,
        default=lambda self: self.env["res.company"]._scm_hq(),
        help="Headquarters runs new-branch cases (Market & Sales Dept).",
    )
    stage = fields.Selection(
        SETUP_STAGES,
        default="market_dev_plan",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    presales_user_id = fields.Many2one(
        "res.users",
        string="Pre-sales Specialist",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="Prepares the plan, researches and writes the reports.",
    )
    branch_name = fields.Char(
        string="New Branch Name", required=True, tracking=True, help="e.g. 长沙分公司"
    )
    branch_code = fields.Char(
        tracking=True,
        help="1 to 4 capital pinyin letters used in contract numbers (ORG-BR-03).",
    )
    city = fields.Char()
    province_ids = fields.Many2many(
        "res.country.state",
        "scm_branch_setup_province_rel",
        "setup_id",
        "state_id",
        string="Territory",
        domain="[('country_id.code', '=', 'CN')]",
        help="Provinces the new branch will administer; the territory is "
        "notified separately and is needed by the handover at the latest.",
    )
    new_manager_id = fields.Many2one(
        "res.users",
        string="New Branch Manager",
        tracking=True,
        help="Signs the handover form and becomes the branch manager.",
    )
    doc_ids = fields.One2many("scm.branch.setup.doc", "setup_id", string="Documents")
    market_plan_id = fields.Many2one(
        "scm.branch.setup.doc",
        string="Market Development Plan",
        compute="_compute_current_docs",
    )
    research_plan_id = fields.Many2one(
        "scm.branch.setup.doc", compute="_compute_current_docs"
    )
    research_report_id = fields.Many2one(
        "scm.branch.setup.doc",
        compute="_compute_current_docs",
    )
    feasibility_report_id = fields.Many2one(
        "scm.branch.setup.doc",
        compute="_compute_current_docs",
    )
    doc_count = fields.Integer(compute="_compute_current_docs")
    agenda_date = fields.Datetime(
        string="On the Office Meeting Agenda Since",
        readonly=True,
        copy=False,
        help="Set when the Market Center Manager approves the feasibility report.",
    )
    resolution_ids = fields.One2many(
        "scm.office.resolution",
        "res_id",
        string="Office Meeting Resolutions",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
        copy=False,
    )
    reinvestigation_count = fields.Integer(
        string="Re-investigations", readonly=True, copy=False
    )
    working_group_id = fields.Many2one(
        "scm.working.group", string="Preparatory Group", readonly=True, copy=False
    )
    group_leader_id = fields.Many2one(
        "res.users",
        string="Preparatory Group Lead",
        related="working_group_id.leader_id",
    )
    workstream_ids = fields.One2many(
        "scm.branch.setup.workstream", "setup_id", string="Workstreams", copy=False
    )
    workstreams_done = fields.Boolean(compute="_compute_workstreams_done")
    acceptance_date = fields.Datetime(readonly=True, copy=False)
    acceptance_note = fields.Text(string="Acceptance Remarks")
    handover_date = fields.Datetime(readonly=True, copy=False)
    handover_note = fields.Text(string="Handover Content")
    new_company_id = fields.Many2one(
        "res.company", string="Established Branch", readonly=True, copy=False
    )

    # -- computes
    @api.depends("doc_ids.doc_type", "doc_ids.state")
    def _compute_current_docs(self):
        for setup in self:
            docs = setup.doc_ids.filtered(lambda d: d.state != "cancel").sorted("id")
            by_type = {d.doc_type: d for d in docs}
            setup.market_plan_id = by_type.get("market_dev_plan")
            setup.research_plan_id = by_type.get("research_plan")
            setup.research_report_id = by_type.get("research_report")
            setup.feasibility_report_id = by_type.get("feasibility_report")
            setup.doc_count = len(setup.doc_ids)

    @api.depends("workstream_ids.state")
    def _compute_workstreams_done(self):
        for setup in self:
            types = {w.workstream_type for w in setup.workstream_ids}
            setup.workstreams_done = types == {
                t for t, _label in WORKSTREAM_TYPES
            } and all(w.state == "done" for w in setup.workstream_ids)

    # -- constraints
    @api.constrains("branch_code")
    def _check_branch_code(self):
        companies = self.env["res.company"].sudo().with_context(active_test=False)
        for setup in self.filtered("branch_code"):
            if not BRANCH_CODE_PATTERN.match(setup.branch_code):
                raise ValidationError(
                    _(
                        "Branch code %(code)s is invalid: use 1 to 4 capital "
                        "letters (pinyin abbreviation), e.g. CS.",
                        code=setup.branch_code,
                    )
                )
            taken = companies.search(
                [
                    ("scm_code", "=", setup.branch_code),
                    ("id", "!=", setup.new_company_id.id),
                    ("active", "=", True),
                ],
                limit=1,
            )
            if taken:
                raise ValidationError(
                    _(
                        "Branch code %(code)s is already used by %(company)s.",
                        code=setup.branch_code,
                        company=taken.name,
                    )
                )

    @api.constrains("province_ids")
    def _check_province_ids(self):
        for setup in self.filtered("province_ids"):
            if setup.new_company_id and setup.stage == "handed_over":
                continue
            owner = (
                self.env["res.company"]
                .sudo()
                .search([("scm_province_ids", "in", setup.province_ids.ids)], limit=1)
            )
            if owner:
                overlap = setup.province_ids & owner.scm_province_ids
                raise ValidationError(
                    _(
                        "%(provinces)s already belongs to branch %(branch)s: "
                        "a province belongs to at most one branch.",
                        provinces=", ".join(overlap.mapped("name")),
                        branch=owner.name,
                    )
                )

    # -- create / write
    @api.model
    def _scm_may_author(self, user=None):
        user = user or self.env.user
        return any(
            user.has_group(g)
            for g in (
                "scm_base.group_msd_presales",
                "scm_base.group_msd_manager",
                "scm_base.group_mc_manager",
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self._scm_may_author():
            raise UserError(
                _(
                    "Only the MSD Pre-sales Specialist, the MSD Manager or the "
                    "Market Center Manager can open a new-branch case."
                )
            )
        for vals in vals_list:
            if vals.get("branch_code"):
                vals["branch_code"] = self._scm_clean_code(vals["branch_code"])
            # Cases start at the plan; demo data (superuser) may load a case in
            # a later stage, anybody else is refused by the step guard.
        return super().create(vals_list)

    def write(self, vals):
        if "stage" in vals and not self.env.su:
            raise UserError(
                _(
                    "The stage of a new-branch case changes only through its "
                    "workflow actions."
                )
            )
        if vals.get("branch_code"):
            vals["branch_code"] = self._scm_clean_code(vals["branch_code"])
        if any(f in vals for f in BRANCH_FIELDS):
            for setup in self:
                signed = setup.scm_signature_ids.filtered(
                    lambda s: s.slot in HANDOVER_SLOTS and s.state == "signed"
                )
                if signed or setup.stage in ("handed_over", "cancel"):
                    raise UserError(
                        _(
                            "The new branch of %(case)s is fixed by the signed "
                            "handover form and cannot be changed.",
                            case=setup.name,
                        )
                    )
        res = super().write(vals)
        if "new_manager_id" in vals:
            # A pending handover signature follows the newly named manager.
            self.sudo().scm_signature_ids.filtered(
                lambda s: s.slot == SLOT_HANDOVER_MANAGER and s.state == "pending"
            ).write({"required_user_id": vals["new_manager_id"]})
        return res

    @api.model
    def _scm_clean_code(self, code):
        if not isinstance(code, str):
            raise ValidationError(_("The branch code is 1 to 4 capital letters."))
        return code.strip().upper()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_plan_stage(self):
        for setup in self:
            if setup.stage != "market_dev_plan" or setup.doc_ids:
                raise UserError(
                    _(
                        "%(case)s has documents or has moved on and cannot be "
                        "deleted; cancel it instead.",
                        case=setup.name,
                    )
                )

    # -- state machine (SAL-NBR-10)
    def _scm_move_stage(self, target):
        """Move to `target` if SAL-NBR-10 allows it from the current stage."""
        for setup in self:
            if target not in STAGE_TRANSITIONS[setup.stage]:
                labels = dict(self._fields["stage"]._description_selection(self.env))
                raise UserError(
                    _(
                        "%(case)s cannot go from %(from)s to %(to)s: the "
                        "new-branch process does not allow skipping or "
                        "reversing a stage.",
                        case=setup.name,
                        **{"from": labels[setup.stage], "to": labels[target]},
                    )
                )
            setup._scm_step_write({"stage": target})
        return True

    def _scm_require_stage(self, *stages):
        for setup in self:
            if setup.stage not in stages:
                labels = dict(self._fields["stage"]._description_selection(self.env))
                raise UserError(
                    _(
                        "%(case)s is at stage %(stage)s: this action belongs to "
                        "stage %(expected)s.",
                        case=setup.name,
                        stage=labels[setup.stage],
                        expected=", ".join(labels[s] for s in stages),
                    )
                )

    def _scm_require_group(self, xmlid, role_label):
        if not self.env.user.has_group(xmlid):
            raise UserError(_("Only the %(role)s can do this.", role=role_label))

    @api.model
    def _scm_unit_manager(self, dept_xmlid):
        department = self.env.ref(dept_xmlid, raise_if_not_found=False)
        return (
            department and department.sudo().manager_id.user_id or self.env["res.users"]
        )

    def _scm_notify(self, subject, body, users):
        users = users.filtered(lambda u: u.partner_id)
        if users:
            self.env["scm.notice"]._scm_send(self, subject, body, users.partner_id)

    def _scm_task(self, user, summary, note=None):
        """An execution task (activity) for `user` on the case."""
        if user:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=note,
                user_id=user.id,
            )

    def _scm_task_done(self, summary, feedback=None):
        """Mark the execution tasks called `summary` done."""
        self.sudo().activity_ids.filtered(
            lambda a: a.summary == summary
        ).action_feedback(feedback=feedback)

    def _scm_agenda_summary(self):
        return _(
            "Office Meeting agenda: feasibility of %(branch)s", branch=self.branch_name
        )

    # SAL-NBR-01: the approved plan is executed by the Pre-sales Specialist.
    def _scm_on_plan_approved(self):
        self.ensure_one()
        self._scm_move_stage("research")
        self._scm_task(
            self.presales_user_id,
            _("Execute the market development plan: file the research plan"),
            _("Prepare the 《市场调研计划》 and carry out the market research."),
        )
        self._scm_notify(
            _("Market development plan approved"),
            _(
                "The 《市场开发计划》 of %(case)s is approved: execute it.",
                case=self.name,
            ),
            self.presales_user_id,
        )

    def action_research_done(self):
        """SAL-NBR-02: research is done under a filed research plan; the
        Pre-sales Specialist then writes the research report."""
        for setup in self:
            setup._scm_require_stage("research")
            if self.env.user not in (setup.presales_user_id, setup.create_uid) and not (
                self.env.user.has_group("scm_base.group_msd_manager")
            ):
                raise UserError(
                    _(
                        "Only the case's Pre-sales Specialist or the MSD Manager "
                        "can close the research."
                    )
                )
            if not setup.research_plan_id.filed_date:
                raise UserError(
                    _(
                        "Research must follow a filed 《市场调研计划》: file the "
                        "research plan of %(case)s first.",
                        case=setup.name,
                    )
                )
            setup._scm_move_stage("research_report")
        return True

    # SAL-NBR-04
    def _scm_on_research_report_approved(self):
        self.ensure_one()
        self._scm_move_stage("feasibility")
        self._scm_task(
            self.presales_user_id,
            _("Prepare the branch establishment feasibility report"),
        )

    # SAL-NBR-05
    def _scm_on_feasibility_approved(self):
        self.ensure_one()
        self._scm_move_stage("office_meeting")
        self.sudo().write({"agenda_date": fields.Datetime.now()})
        secretaries = self.env.ref("scm_base.group_office_meeting").sudo().users
        recipients = (
            secretaries or self.env.ref("scm_base.group_president").sudo().users
        )
        for user in recipients:
            self._scm_task(
                user,
                self._scm_agenda_summary(),
                _(
                    "Discuss the 《分公司成立可行性报告》 (market potential, human "
                    "resources, capital investment) and record the resolution."
                ),
            )
        self._scm_notify(
            _("Office Meeting agenda item"),
            _(
                "The Market Center Manager approved the feasibility report of "
                "%(case)s: it is on the agenda of the HQ Office Meeting.",
                case=self.name,
            ),
            recipients | self.presales_user_id,
        )

    def _scm_on_feasibility_rejected(self, feasibility):
        """SAL-NBR-05 (Open, read as: both are reopened): the research report
        is revised and goes to the Market Center Manager."""
        self.ensure_one()
        report = feasibility.research_report_id or self.research_report_id
        if report:
            report._scm_reopen(mc_review=True)
        self._scm_move_stage("research_report")

    # SAL-NBR-06
    def _scm_record_resolution(self, vals):
        """Record the Office Meeting's resolution on the feasibility report
        and route the case (feasible / re-investigate)."""
        self.ensure_one()
        if not (
            self.env.user.has_group("scm_base.group_office_meeting")
            or self.env.user.has_group("scm_base.group_president")
        ):
            raise UserError(
                _(
                    "Only the Office Meeting secretary or the President records "
                    "Office Meeting resolutions."
                )
            )
        self._scm_require_stage("office_meeting")
        outcome = vals.get("nbr_outcome")
        if outcome not in ("feasible", "reinvestigate"):
            raise ValidationError(
                _("The resolution needs an outcome: feasible or re-investigate.")
            )
        resolution = (
            self.env["scm.office.resolution"]
            .sudo()
            .create(
                {
                    "name": _("Feasibility of %(branch)s", branch=self.branch_name),
                    "date": vals.get("date") or fields.Date.context_today(self),
                    "outcome": "approved" if outcome == "feasible" else "deferred",
                    "minutes": vals.get("minutes"),
                    "res_model": self._name,
                    "res_id": self.id,
                    "recorded_by_id": self.env.user.id,
                    "company_id": self.company_id.id,
                    "nbr_market_potential": vals.get("nbr_market_potential"),
                    "nbr_human_resources": vals.get("nbr_human_resources"),
                    "nbr_capital_investment": vals.get("nbr_capital_investment"),
                    "nbr_outcome": outcome,
                }
            )
        )
        self._scm_task_done(self._scm_agenda_summary(), _("Resolution recorded"))
        msd_manager = self._scm_unit_manager("scm_base.dept_msd")
        mc_manager = self._scm_unit_manager("scm_base.dept_market_center")
        if outcome == "feasible":
            self._scm_move_stage("preparation")
            self._scm_create_workstreams()
            self._scm_task(msd_manager, _("Form the branch preparatory group"))
            self._scm_notify(
                _("Branch establishment resolved"),
                _(
                    "The Office Meeting found %(branch)s feasible: the MSD Manager "
                    "forms the preparatory group.",
                    branch=self.branch_name,
                ),
                msd_manager | mc_manager | self.presales_user_id,
            )
        else:
            self.feasibility_report_id._scm_reopen()
            self.sudo().write({"reinvestigation_count": self.reinvestigation_count + 1})
            self._scm_move_stage("feasibility")
            self._scm_task(
                self.presales_user_id,
                _("Re-investigate and revise the feasibility report"),
            )
            self._scm_notify(
                _("Re-investigation required"),
                _(
                    "The Office Meeting returned %(branch)s to the Market & Sales "
                    "Dept: the Pre-sales Specialist revises the feasibility report.",
                    branch=self.branch_name,
                ),
                msd_manager | self.presales_user_id,
            )
        return resolution

    def action_open_resolution_wizard(self):
        self.ensure_one()
        self._scm_require_stage("office_meeting")
        return {
            "type": "ir.actions.act_window",
            "name": _("Office Meeting Resolution"),
            "res_model": "scm.branch.setup.resolution.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_setup_id": self.id},
        }

    # SAL-NBR-07
    def _scm_create_workstreams(self):
        self.ensure_one()
        existing = set(self.workstream_ids.mapped("workstream_type"))
        self.env["scm.branch.setup.workstream"].sudo().create(
            [
                {"setup_id": self.id, "workstream_type": code}
                for code, _label in WORKSTREAM_TYPES
                if code not in existing
            ]
        )

    def action_form_preparatory_group(self):
        """The MSD Manager forms the team; it is owned (led) by the Market
        Center Manager, who runs the preparation (SAL-NBR-07 Open)."""
        self.ensure_one()
        self._scm_require_group("scm_base.group_msd_manager", _("MSD Manager"))
        self._scm_require_stage("preparation")
        if self.working_group_id:
            raise UserError(
                _("%(case)s already has its preparatory group.", case=self.name)
            )
        mc_manager = self._scm_unit_manager("scm_base.dept_market_center")
        if not mc_manager:
            raise UserError(
                _("The Market Center has no manager to own the preparatory group.")
            )
        members = (
            (mc_manager | self.env.user | self.presales_user_id)
            .sudo()
            .employee_ids.filtered(lambda e: e.company_id == self.company_id)
        )
        group = (
            self.env["scm.working.group"]
            .sudo()
            .create(
                {
                    "name": _("%(branch)s Preparatory Group", branch=self.branch_name),
                    "group_type": "branch_preparation",
                    "company_id": self.company_id.id,
                    "leader_id": mc_manager.id,
                    "member_ids": [
                        Command.create({"employee_id": employee.id})
                        for employee in members
                    ],
                }
            )
        )
        self.sudo().write({"working_group_id": group.id})
        self._scm_create_workstreams()
        self._scm_task_done(
            _("Form the branch preparatory group"), _("Preparatory group formed")
        )
        self._scm_task(
            mc_manager,
            _("Run the preparation of %(branch)s", branch=self.branch_name),
            _("Assign the responsible unit of each workstream."),
        )
        return True

    # SAL-NBR-08
    def action_accept(self):
        """The Market Center Manager signs the 《项目验收单》."""
        self.ensure_one()
        self._scm_require_group("scm_base.group_mc_manager", _("Market Center Manager"))
        self._scm_require_stage("preparation")
        if not self.working_group_id:
            raise UserError(_("%(case)s has no preparatory group yet.", case=self.name))
        if not self.workstreams_done:
            raise UserError(
                _(
                    "Acceptance needs all four preparation workstreams done: %(open)s.",
                    open=", ".join(
                        self.workstream_ids.filtered(
                            lambda w: w.state != "done"
                        ).mapped("name")
                    )
                    or _("workstreams missing"),
                )
            )
        self.action_scm_sign(SLOT_ACCEPTANCE)
        self.sudo().write({"acceptance_date": fields.Datetime.now()})
        self._scm_move_stage("accepted")
        self._scm_notify(
            _("Branch preparation accepted"),
            _(
                "The Market Center Manager signed the 《项目验收单》 of %(branch)s: "
                "the new branch manager and the preparatory group fill in the "
                "handover form.",
                branch=self.branch_name,
            ),
            self.new_manager_id | self.group_leader_id | self.presales_user_id,
        )
        return True

    # SAL-NBR-09
    def _scm_signature_slots(self):
        self.ensure_one()
        slots = []
        if self.stage in ("preparation", "accepted", "handed_over"):
            slots.append(
                {
                    "slot": SLOT_ACCEPTANCE,
                    "name": _("Acceptance: Market Center Manager"),
                    "required_group_id": self.env.ref("scm_base.group_mc_manager").id,
                }
            )
        if self.stage in ("accepted", "handed_over"):
            slots += [
                {
                    "slot": SLOT_HANDOVER_MANAGER,
                    "name": _("Handover: New Branch Manager"),
                    "required_user_id": self.new_manager_id.id,
                },
                {
                    "slot": SLOT_HANDOVER_GROUP,
                    "name": _("Handover: Preparatory Group"),
                    "required_user_id": self.group_leader_id.id,
                },
            ]
        return slots

    def _scm_handover_signed(self):
        self.ensure_one()
        signed = self.sudo().scm_signature_ids.filtered(
            lambda s: s.slot in HANDOVER_SLOTS and s.state == "signed"
        )
        return set(signed.mapped("slot")) == set(HANDOVER_SLOTS)

    def _scm_check_handover_ready(self):
        self.ensure_one()
        self._scm_require_stage("accepted")
        missing = []
        if not self.branch_code:
            missing.append(_("branch code"))
        if not self.province_ids:
            missing.append(_("territory"))
        if not self.new_manager_id:
            missing.append(_("new branch manager"))
        if not self.group_leader_id:
            missing.append(_("preparatory group lead"))
        if missing:
            raise UserError(
                _(
                    "The handover form of %(case)s cannot be signed yet: "
                    "%(missing)s missing.",
                    case=self.name,
                    missing=", ".join(missing),
                )
            )

    def _scm_sign_handover(self, slot):
        self.ensure_one()
        self._scm_check_handover_ready()
        # sudo() keeps the signer: the slot still checks who signs, but the
        # signatory may be a user of another branch who cannot read HQ's
        # signature lines.
        self.sudo().action_scm_sign(slot)
        if self._scm_handover_signed():
            self._scm_establish_branch()
        return True

    def action_sign_handover_manager(self):
        return self._scm_sign_handover(SLOT_HANDOVER_MANAGER)

    def action_sign_handover_group(self):
        return self._scm_sign_handover(SLOT_HANDOVER_GROUP)

    def _scm_establish_branch(self):
        """Create (or take the prepared inactive) branch company and activate
        it: allowed only now that the handover carries both signatures."""
        self.ensure_one()
        companies = self.env["res.company"].sudo().with_context(active_test=False)
        hq = companies._scm_hq()
        company = companies.search([("scm_code", "=", self.branch_code)], limit=1)
        if company and (company.active or company.parent_id != hq):
            raise UserError(
                _(
                    "Branch code %(code)s already belongs to the established "
                    "company %(company)s.",
                    code=self.branch_code,
                    company=company.name,
                )
            )
        if not company:
            calendar = self.env.ref(
                "scm_base.resource_calendar_china", raise_if_not_found=False
            )
            company = companies.create(
                {
                    "name": self.branch_name,
                    "parent_id": hq.id,
                    "scm_code": self.branch_code,
                    "active": False,
                    "country_id": self.env.ref("base.cn").id,
                    "city": self.city,
                    "resource_calendar_id": (
                        calendar.id if calendar else hq.resource_calendar_id.id
                    ),
                }
            )
        self.sudo().write({"new_company_id": company.id})
        company.write(
            {
                "scm_manager_id": self.new_manager_id.id,
                "scm_province_ids": [Command.set(self.province_ids.ids)],
                "active": True,
            }
        )
        # The new manager works in the branch; HQ staff work in every branch.
        hq_staff = (
            self.env.ref("scm_base.group_hq_staff")
            .sudo()
            .users.filtered(lambda u: hq in u.company_ids)
        )
        (self.new_manager_id.sudo() | hq_staff).write(
            {"company_ids": [Command.link(company.id)]}
        )
        # It sells from day one through its own sales team.
        company._scm_ensure_sales_team()
        self.sudo().write({"handover_date": fields.Datetime.now()})
        self._scm_move_stage("handed_over")
        self._scm_notify(
            _("Branch established"),
            _(
                "The handover form of %(branch)s is signed: the branch "
                "(%(code)s) is formally established.",
                branch=self.branch_name,
                code=self.branch_code,
            ),
            self._scm_unit_manager("scm_base.dept_market_center")
            | self._scm_unit_manager("scm_base.dept_msd")
            | self.new_manager_id,
        )

    def action_cancel(self):
        self._scm_require_group("scm_base.group_mc_manager", _("Market Center Manager"))
        for setup in self:
            setup._scm_move_stage("cancel")
        return True

    def action_view_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_sales.action_scm_branch_setup_doc"
        )
        action["domain"] = [("setup_id", "=", self.id)]
        action["context"] = {"default_setup_id": self.id}
        return action

    def action_print_acceptance(self):
        self.ensure_one()
        return self.env.ref("scm_sales.action_report_nbr_acceptance").report_action(
            self
        )

    def action_print_handover(self):
        self.ensure_one()
        return self.env.ref("scm_sales.action_report_nbr_handover").report_action(self)

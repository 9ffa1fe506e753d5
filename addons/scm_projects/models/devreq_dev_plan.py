from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

PLAN_STATES = [
    ("draft", "Draft"),
    ("cc_review", "Customer Center Review"),
    ("office_meeting", "Office Meeting"),
    ("approved", "Approved"),
]
# PRJ-UPG-01: "a version upgrade is normally done once every half year".
UPGRADE_CYCLE_MONTHS = 6


class ScmDevPlan(models.Model):
    """The 《软件产品开发计划》 (PRJ-DEV-01) or the upgrade development plan
    (PRJ-UPG-01): the MRD Manager drafts it, the Customer Center Manager
    reviews it, the Office Meeting approves it with a recorded resolution.
    Its copies go to MRD, QC and Software (PRJ-DEV-02) and its approval
    starts one development (scm.dev.work) at the requirement work plan,
    with the requirement lead's 5-WD deadline (PRJ-DEV-03). One plan, one
    development: a plan that covers several products is split into several
    plans, each approved by the meeting (the resolution names the plan)."""

    _name = "scm.dev.plan"
    _description = "Software Development Plan"
    _inherit = [
        "mail.thread",
        "scm.distribution.mixin",
        "scm.stage.mixin",
    ]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = (
        "author_id",
        "cc_reviewed_by_id",
        "cc_reviewed_date",
        "resolution_id",
        "approved_by_id",
        "approved_date",
        "work_id",
    )

    name = fields.Char(string="Title", required=True, tracking=True)
    kind = fields.Selection(
        [
            ("long_term", "Long-term Product Development"),
            ("upgrade", "Version Upgrade"),
        ],
        required=True,
        default="long_term",
        tracking=True,
    )
    version = fields.Char(string="Software Version", tracking=True)
    purpose = fields.Text(help="Purpose of the development (or of the upgrade).")
    content = fields.Text(string="Project Content")
    platform = fields.Char(string="Software Platform")
    completion_date = fields.Date(string="Overall Completion Time", tracking=True)
    staff = fields.Text(string="Staff Required")
    requirement_lead_id = fields.Many2one(
        "res.users",
        string="Requirement Project Lead",
        help="The MRD member who leads the requirement side; the MRD Manager "
        "when empty.",
    )
    state = fields.Selection(
        PLAN_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    author_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        readonly=True,
        copy=False,
        default=lambda self: self.env.user,
    )
    cc_reviewed_by_id = fields.Many2one(
        "res.users", string="Reviewed By (Customer Center)", readonly=True, copy=False
    )
    cc_reviewed_date = fields.Datetime(
        string="Reviewed On (Customer Center)", readonly=True, copy=False
    )
    resolution_id = fields.Many2one(
        "scm.office.resolution",
        string="Office Meeting Resolution",
        readonly=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    work_id = fields.Many2one(
        "scm.dev.work", string="Development", readonly=True, copy=False
    )
    upgrade_cycle_due = fields.Boolean(
        compute="_compute_upgrade_cycle_due",
        help="No upgrade plan was approved in the last six months (PRJ-UPG-01).",
    )

    def _compute_upgrade_cycle_due(self):
        due = self._scm_upgrade_cycle_due()
        for plan in self:
            plan.upgrade_cycle_due = due

    @api.model
    def _scm_upgrade_cycle_due(self):
        """PRJ-UPG-01: whether no upgrade plan was approved in the last six
        months (an informational flag, no job)."""
        since = fields.Datetime.now() - relativedelta(months=UPGRADE_CYCLE_MONTHS)
        return not self.sudo().search_count(
            [
                ("kind", "=", "upgrade"),
                ("state", "=", "approved"),
                ("approved_date", ">=", since),
            ],
            limit=1,
        )

    @api.model
    def action_scm_open_plans(self):
        """The Development Plans menu: the list, with the informational flag
        of PRJ-UPG-01 shown to whoever opens it when the cycle is due."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_projects.action_scm_dev_plan"
        )
        if not self._scm_upgrade_cycle_due():
            return action
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Version upgrade due"),
                "message": _(
                    "No upgrade development plan was approved in the last six "
                    "months: a version upgrade is normally done once every half "
                    "year (PRJ-UPG-01)."
                ),
                "type": "warning",
                "sticky": False,
                "next": action,
            },
        }

    # -- roles ------------------------------------------------------------------
    def _devreq_mrd_manager(self):
        return self.env["scm.dev.work"]._scm_mrd_manager()

    def _devreq_acts_for(self, user, principals):
        if user.has_group("scm_base.group_scm_admin"):
            return True
        return self.env["scm.delegation"]._scm_acts_for(user, principals, self._name)

    def _devreq_check_mrd_manager(self, action):
        if not self._devreq_acts_for(self.env.user, self._devreq_mrd_manager()):
            raise UserError(
                _(
                    "Only the MRD Manager may %(action)s a development plan.",
                    action=action,
                )
            )

    def _devreq_check_group(self, groups, who, action):
        user = self.env.user
        if not any(user.has_group(g) for g in (*groups, "scm_base.group_scm_admin")):
            raise UserError(
                _(
                    "Only %(who)s may %(action)s %(doc)s.",
                    who=who,
                    action=action,
                    doc=self.display_name,
                )
            )

    # -- guard ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._devreq_check_mrd_manager(_("prepare"))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("changed"))
            self._devreq_check_mrd_manager(_("change"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("deleted"))
            self._devreq_check_mrd_manager(_("delete"))
        return super().unlink()

    # -- steps ------------------------------------------------------------------
    def _devreq_required_fields(self):
        names = ["purpose", "content", "platform", "completion_date", "staff"]
        if self.kind == "upgrade":
            names.append("version")
        return names

    def action_devreq_submit(self):
        """The MRD Manager submits the plan to the Customer Center Manager;
        the five contents are required (PRJ-DEV-01, PRJ-UPG-01: and the
        version of an upgrade)."""
        for plan in self:
            plan._scm_check_stage(("draft",), _("submitted"))
            plan._devreq_check_mrd_manager(_("submit"))
            missing = [
                plan._fields[name]._description_string(self.env)
                for name in plan._devreq_required_fields()
                if not (
                    plan[name].strip() if isinstance(plan[name], str) else plan[name]
                )
            ]
            if missing:
                raise UserError(
                    _(
                        "%(doc)s cannot be submitted without: %(fields)s (PRJ-DEV-01).",
                        doc=plan.display_name,
                        fields=", ".join(missing),
                    )
                )
            plan._scm_step_write({"state": "cc_review", "author_id": self.env.uid})
        return True

    def action_devreq_cc_review(self):
        """The Customer Center Manager reviews it; it goes to the Office
        Meeting."""
        for plan in self:
            plan._scm_check_stage(("cc_review",), _("reviewed"))
            plan._devreq_check_group(
                ("scm_base.group_cc_manager",),
                _("the Customer Center Manager"),
                _("review"),
            )
            plan._scm_step_write(
                {
                    "state": "office_meeting",
                    "cc_reviewed_by_id": self.env.uid,
                    "cc_reviewed_date": fields.Datetime.now(),
                }
            )
        return True

    def action_devreq_return(self):
        """Not passed (by the Customer Center Manager or the meeting): back
        to the MRD Manager."""
        for plan in self:
            plan._scm_check_stage(("cc_review", "office_meeting"), _("returned"))
            if plan.state == "cc_review":
                plan._devreq_check_group(
                    ("scm_base.group_cc_manager",),
                    _("the Customer Center Manager"),
                    _("return"),
                )
            else:
                plan._devreq_check_group(
                    ("scm_base.group_president", "scm_base.group_office_meeting"),
                    _("the Office Meeting"),
                    _("return"),
                )
            plan._scm_step_write({"state": "draft"})
            plan.sudo().message_post(body=_("Returned to the MRD Manager."))
        return True

    def action_scm_record_resolution(self):
        """The Office Meeting secretary records the meeting's resolution on
        this plan."""
        self.ensure_one()
        self._scm_check_stage(("office_meeting",), _("discussed"))
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.office.resolution",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_name": self.display_name,
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_company_id": self.company_id.id,
            },
        }

    def action_devreq_approve(self):
        """The Office Meeting approves the plan on its resolution (ORG-UNIT-04):
        copies to MRD, QC and Software (PRJ-DEV-02), the development starts
        at the requirement work plan, due from its lead within 5 WD
        (PRJ-DEV-03)."""
        for plan in self:
            plan._scm_check_stage(("office_meeting",), _("approved"))
            plan._devreq_check_group(
                ("scm_base.group_president", "scm_base.group_office_meeting"),
                _("the Office Meeting"),
                _("approve"),
            )
            resolution = self.env["scm.office.resolution"]._scm_approving(plan)
            now = fields.Datetime.now()
            work = plan._devreq_create_work()
            plan._scm_step_write(
                {
                    "state": "approved",
                    "resolution_id": resolution.id,
                    "approved_by_id": self.env.uid,
                    "approved_date": now,
                    "work_id": work.id,
                }
            )
            plan._scm_distribute()
            work._devreq_open_req_plan_deadline(now)
        return True

    def _devreq_create_work(self):
        self.ensure_one()
        lead = self.requirement_lead_id or self._devreq_mrd_manager()
        return (
            self.env["scm.dev.work"]
            .sudo()
            .create(
                {
                    "name": self.name,
                    "kind": self.kind,
                    "version": self.version,
                    "company_id": self.company_id.id,
                    "requirement_lead_id": lead.id,
                    "stage": "req_work_plan",
                    "dev_plan_id": self.id,
                }
            )
        )

    def _scm_distribution_list(self):
        """PRJ-DEV-02 / PRJ-UPG-01: one copy each to MRD, QC and Software."""
        return [
            {"recipient_department_id": self.env.ref(xmlid).id, "copy_type": "copy"}
            for xmlid in (
                "scm_base.dept_mrd",
                "scm_base.dept_qc",
                "scm_base.dept_software",
            )
        ]

    def action_print(self):
        self.ensure_one()
        return self.env.ref("scm_projects.action_report_scm_dev_plan").report_action(
            self
        )

    def action_devreq_open_work(self):
        self.ensure_one()
        return self.work_id._devreq_open_action()

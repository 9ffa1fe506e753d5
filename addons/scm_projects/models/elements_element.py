from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

# PRJ-ELEM-09: the 11 elements of the elements method (000 §三.8.4.2), in the
# manual's order; Chinese labels come with i18n/zh_CN.po.
ELEMENT_TYPES = [
    ("assessment", "Management Assessment"),  # 企业管理评估
    ("process", "Business Process Reengineering"),  # 企业业务运作流程重组
    ("organisation", "Organisation Adjustment"),  # 企业组织机构调整
    ("responsibility", "Responsibility-Authority System"),  # 企业责任权力体系搭建
    ("master_data", "Master-Data Standardisation"),  # 企业公共基础信息标准化
    ("operation_norms", "Operation Norms"),  # 企业运作规范
    ("conduct_norms", "Employee Conduct Norms"),  # 企业员工行为规范
    ("pay_norms", "Pay and Reward/Penalty Norms"),  # 企业薪酬与奖惩规范
    ("information_system", "Information System Development"),  # 企业信息管理系统开发
    ("training", "Staff Training and Examination"),  # 员工培训与考核
    ("initialisation", "System Initialisation"),  # 系统初始化
]
STAGES = [
    ("draft", "Draft"),
    ("pm_review", "PM Review"),
    ("to_mcd", "To Send to MCD"),
    ("mcd_review", "MCD Review"),
    ("completed", "Completed"),
    ("delivered", "Delivered to the Customer"),
    ("confirmed", "Confirmed by the Customer"),
    ("signed", "Signed by Both PMs"),
    ("filed", "Filed with HQ MCD"),
    ("superseded", "Superseded"),
]
# What the author writes; frozen once the document leaves the draft.
CONTENT_FIELDS = {"name", "content", "discussion_date", "discussion_notes"}
# The deadlines of the document (rule codes of scm.deadline).
DL_TRANSFER = "PRJ-ELEM-04.1"
DL_MCD = "PRJ-ELEM-04.2"
DL_DELIVERY = "PRJ-ELEM-05.1"
DL_MEETING = "PRJ-ELEM-05.2"
DL_FILING = "PRJ-ELEM-08"


class ScmProjectElement(models.Model):
    """An element document of the elements method (要素文档, FORMS.md 102):
    one per element the project implements, written by a consultant of the
    team designated by the PM, reviewed by the PM and MCD, delivered to and
    confirmed by the customer (or revised in a new version after an
    objection), signed by both PMs, signed for on the 《项目实施验收表》 and
    e-filed with HQ MCD (PRJ-ELEM-02..09)."""

    _name = "scm.project.element"
    _description = "Element Document"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.project.customer.sign.mixin",
        "scm.signature.mixin",
        "scm.stage.mixin",
        "scm.project.document.mixin",
    ]
    _order = "project_id, element_type, version desc, id"
    _rec_names_search = ["name", "project_id"]
    _scm_step_fields = (
        "version",
        "previous_id",
        "next_version_id",
        "consensus_reached",
        "consensus_recorded_by_id",
        "consensus_date",
        "submitted_date",
        "pm_reviewed_date",
        "pm_reviewer_id",
        "mcd_received_date",
        "mcd_reviewed_date",
        "mcd_reviewer_id",
        "return_reason",
        "delivered_date",
        "meeting_date",
        "confirmed_date",
        "objection_date",
        "objection_minutes",
        "objection_attachment_ids",
        "signed_date",
        "receipt_date",
        "receipt_aa_user_id",
        "receipt_customer_name",
        "filed_date",
        "mcd_receiver_id",
    )
    # The PM's signature is a step of the document: the signing step
    # schedules it when the customer has confirmed.
    _scm_signature_activities = True

    name = fields.Char(string="Title", required=True, tracking=True)
    element_type = fields.Selection(
        ELEMENT_TYPES, string="Element", required=True, index=True, tracking=True
    )
    version = fields.Integer(default=1, required=True, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "scm.project.element",
        string="Previous Version",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    next_version_id = fields.Many2one(
        "scm.project.element",
        string="Revised In",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    author_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="The consultant of the project team the PM designated (PRJ-ELEM-03).",
    )
    stage = fields.Selection(
        STAGES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    content = fields.Html(string="Document", sanitize_style=True)
    # PRJ-ELEM-02: the internal discussion of the whole team. A new version
    # after a customer objection keeps it: the changes were agreed with the
    # customer at the implementation meeting (PRJ-ELEM-06).
    discussion_date = fields.Date(string="Internal Discussion On")
    discussion_notes = fields.Text(
        string="Internal Discussion",
        help="The problems analysed and the solutions the team agreed on.",
    )
    consensus_reached = fields.Boolean(readonly=True)
    consensus_recorded_by_id = fields.Many2one("res.users", readonly=True)
    consensus_date = fields.Datetime(string="Consensus Recorded On", readonly=True)
    # PRJ-ELEM-04
    submitted_date = fields.Datetime(
        string="Submitted to the PM On", readonly=True, copy=False
    )
    pm_reviewed_date = fields.Datetime(
        string="Reviewed by the PM On", readonly=True, copy=False
    )
    pm_reviewer_id = fields.Many2one(
        "res.users", string="Reviewed by the PM", readonly=True, copy=False
    )
    mcd_received_date = fields.Datetime(
        string="Received by MCD On", readonly=True, copy=False
    )
    mcd_reviewed_date = fields.Datetime(
        string="Completed On",
        readonly=True,
        copy=False,
        help="Returned to the PM by MCD's review: the document is completed "
        "(PRJ-ELEM-05).",
    )
    mcd_reviewer_id = fields.Many2one(
        "res.users", string="Reviewed by MCD", readonly=True, copy=False
    )
    return_reason = fields.Text(string="Returned for Rework", readonly=True, copy=False)
    # PRJ-ELEM-05/06
    delivered_date = fields.Datetime(
        string="Delivered to the Customer On", readonly=True, copy=False
    )
    meeting_date = fields.Date(
        string="Confirmation Meeting On", readonly=True, copy=False
    )
    confirmed_date = fields.Date(
        string="Confirmed by the Customer On", readonly=True, copy=False
    )
    objection_date = fields.Date(string="Objection On", readonly=True, copy=False)
    objection_minutes = fields.Text(
        string="Meeting Minutes of the Objection",
        readonly=True,
        copy=False,
        help="The 《会谈纪要》 of the implementation meeting that agreed the "
        "changes (PRJ-ELEM-06).",
    )
    objection_attachment_ids = fields.Many2many(
        "ir.attachment",
        "scm_project_element_objection_attachment_rel",
        "element_id",
        "attachment_id",
        string="Minutes (Scan)",
        readonly=True,
        copy=False,
    )
    # PRJ-ELEM-08
    signed_date = fields.Date(string="Signed by Both PMs On", readonly=True, copy=False)
    receipt_customer_name = fields.Char(
        string="Customer's Receipt Signatory", readonly=True, copy=False
    )
    receipt_aa_user_id = fields.Many2one(
        "res.users", string="AA Receipt Signatory", readonly=True, copy=False
    )
    receipt_date = fields.Date(
        string="Signed for on the Acceptance Sheet On", readonly=True, copy=False
    )
    filed_date = fields.Datetime(
        string="E-filed with HQ MCD On", readonly=True, copy=False
    )
    mcd_receiver_id = fields.Many2one(
        "res.users", string="Received by (HQ MCD)", readonly=True, copy=False
    )
    is_pm = fields.Boolean(compute="_compute_roles")
    is_mcd = fields.Boolean(compute="_compute_roles")
    is_author = fields.Boolean(compute="_compute_roles")

    _sql_constraints = [
        (
            "version_unique",
            "unique(project_id, element_type, version)",
            "A project has one element document per element and version.",
        ),
        ("version_positive", "check(version > 0)", "A version starts at 1."),
    ]

    # -- computes ---
    @api.depends("name", "version")
    def _compute_display_name(self):
        for element in self:
            element.display_name = f"{element.name or ''} v{element.version}"

    @api.depends_context("uid")
    @api.depends("project_id", "author_id")
    def _compute_roles(self):
        user = self.env.user
        for element in self:
            project = element.project_id.sudo()
            element.is_pm = bool(project) and project._scm_acts_as_pm(user)
            element.is_mcd = element._scm_is_mcd_reviewer(user)
            element.is_author = element.author_id == user

    # -- constraints ---
    @api.constrains("author_id", "project_id")
    def _check_author(self):
        """PRJ-ELEM-03: the author is a consultant of the project team."""
        for element in self:
            if not element._scm_is_consultant(element.author_id):
                raise ValidationError(
                    _(
                        "%(user)s is not a consultant of the team of %(project)s: "
                        "the PM designates a consultant of the project team as "
                        "the author of element documents (PRJ-ELEM-03).",
                        user=element.author_id.name,
                        project=element.project_id.sudo().display_name,
                    )
                )

    def _scm_is_consultant(self, user):
        self.ensure_one()
        return bool(user) and bool(
            self.project_id.sudo().scm_member_ids.filtered(
                lambda m: (
                    m.side == "aa"
                    and m.active
                    and m.role == "consultant"
                    and m.user_id == user
                )
            )
        )

    # -- roles ---
    def _scm_is_mcd_reviewer(self, user):
        """MCD's manager (or a delegate) reviews element documents."""
        manager = self.env["project.project"]._scm_mcd_manager()
        return user.has_group("scm_base.group_mcd_manager") or self.env[
            "scm.delegation"
        ]._scm_acts_for(user, manager, self._name)

    def _scm_check_mcd(self, action):
        for element in self:
            if not element._scm_is_mcd_reviewer(self.env.user):
                raise UserError(
                    _(
                        "Only the manager of MCD may %(action)s %(doc)s.",
                        action=action,
                        doc=element.display_name,
                    )
                )

    def _scm_check_author_or_pm(self, action):
        for element in self:
            if (
                element.author_id != self.env.user
                and not element.project_id.sudo()._scm_acts_as_pm(self.env.user)
            ):
                raise UserError(
                    _(
                        "Only the author or the project manager may %(action)s "
                        "%(doc)s.",
                        action=action,
                        doc=element.display_name,
                    )
                )

    # -- CRUD ---
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Checked before the document exists: the PM designates the
            # author and the documents are drafted in the elements phase.
            projects = self.env["project.project"].browse(
                [vals.get("project_id") for vals in vals_list if vals.get("project_id")]
            )
            for project in projects.sudo():
                project._scm_check_not_closed()
                if not project._scm_acts_as_pm(self.env.user):
                    raise UserError(
                        _(
                            "Only the project manager of %(project)s designates "
                            "the authors of its element documents (PRJ-ELEM-03).",
                            project=project.display_name,
                        )
                    )
        for vals in vals_list:
            if not vals.get("name") and vals.get("element_type"):
                vals["name"] = dict(
                    self._fields["element_type"]._description_selection(self.env)
                ).get(vals["element_type"])
        elements = super().create(vals_list)
        # A new version after an objection revises a document already drafted.
        for element in elements.filtered(lambda e: e.version == 1):
            element.project_id.sudo()._scm_check_phase(
                ("elements",), _("given element documents")
            )
        return elements

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if {"element_type", "author_id"} & vals.keys():
                self._scm_check_pm(_("change the element or the author of"))
                if "element_type" in vals and any(
                    e.stage != "draft" or e.version > 1 for e in self
                ):
                    raise UserError(_("The element of a document does not change."))
            if vals.keys() - {"element_type", "author_id"}:
                self._scm_check_author_or_pm(_("edit"))
            for element in self:
                if element.stage != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is %(stage)s: its text is frozen. A change "
                            "after the customer's objection is a new version "
                            "(PRJ-ELEM-06).",
                            doc=element.display_name,
                            stage=element._scm_stage_label(),
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_v1(self):
        for element in self:
            if element.stage != "draft" or element.version > 1:
                raise UserError(
                    _(
                        "%(doc)s went through its review and is kept.",
                        doc=element.display_name,
                    )
                )
        if not self.env.su:
            self._scm_check_pm(_("delete"))

    # -- generation (PRJ-ELEM-09) ---
    @api.model
    def _scm_action_generate(self, project):
        project = project.sudo()
        project._scm_check_phase(("elements",), _("given element documents"))
        if not project._scm_acts_as_pm(self.env.user):
            raise UserError(
                _(
                    "Only the project manager of %(project)s generates its "
                    "element documents.",
                    project=project.display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": _("Generate Element Documents"),
            "res_model": "scm.project.element.generate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_project_id": project.id},
        }

    @api.model
    def _scm_generate(self, project, element_types, author):
        """One element document per selected element of `project` (version
        1), written by `author`; an element the project already has is
        refused. Taken by the PM."""
        valid = {key for key, __ in ELEMENT_TYPES}
        element_types = list(dict.fromkeys(element_types))
        if not element_types:
            raise UserError(_("Select the elements to generate documents for."))
        unknown = set(element_types) - valid
        if unknown:
            raise UserError(
                _("Unknown element: %(types)s.", types=", ".join(sorted(unknown)))
            )
        existing = (
            self.sudo()
            .search(
                [
                    ("project_id", "=", project.id),
                    ("element_type", "in", element_types),
                ]
            )
            .mapped("element_type")
        )
        if existing:
            labels = dict(self._fields["element_type"]._description_selection(self.env))
            raise UserError(
                _(
                    "%(project)s already has documents for: %(types)s.",
                    project=project.sudo().display_name,
                    types=", ".join(labels[t] for t in sorted(set(existing))),
                )
            )
        return self.create(
            [
                {"project_id": project.id, "element_type": t, "author_id": author.id}
                for t in element_types
            ]
        )

    # -- PRJ-ELEM-02: internal consensus ---
    def action_record_consensus(self):
        """The PM records that the whole team reached internal agreement."""
        for element in self:
            element._scm_check_stage(("draft",), _("given the team's consensus"))
            element._scm_check_pm(_("record the team's consensus on"))
            if (
                not element.discussion_date
                or not (element.discussion_notes or "").strip()
            ):
                raise UserError(
                    _(
                        "Record the date and the conclusions of the team's "
                        "internal discussion of %(doc)s first (PRJ-ELEM-02).",
                        doc=element.display_name,
                    )
                )
            if element.discussion_date > fields.Date.context_today(element):
                raise UserError(_("The internal discussion cannot be in the future."))
            element._scm_step_write(
                {
                    "consensus_reached": True,
                    "consensus_recorded_by_id": self.env.user.id,
                    "consensus_date": fields.Datetime.now(),
                }
            )
        return True

    # -- PRJ-ELEM-04: PM review, transfer, MCD review ---
    def action_submit(self):
        """The author hands the document to the PM's review."""
        for element in self:
            element._scm_check_stage(("draft",), _("submitted to the PM"))
            element._scm_check_author_or_pm(_("submit"))
            if not element.consensus_reached:
                raise UserError(
                    _(
                        "%(doc)s needs the team's internal discussion with "
                        "consensus reached before the PM reviews it (PRJ-ELEM-02).",
                        doc=element.display_name,
                    )
                )
            if not html2plaintext(element.content or "").strip():
                raise UserError(
                    _("Write %(doc)s before submitting it.", doc=element.display_name)
                )
            element._scm_step_write(
                {
                    "stage": "pm_review",
                    "submitted_date": fields.Datetime.now(),
                    "return_reason": False,
                }
            )
            element.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Review the element document %(doc)s", doc=element.name),
                user_id=element.project_id.sudo().user_id.id,
            )
        return True

    def action_pm_approve(self):
        """PM review: the PM owes the transfer to MCD within 1 WD."""
        for element in self:
            element._scm_check_stage(("pm_review",), _("reviewed by the PM"))
            element._scm_check_pm(_("review"))
            now = fields.Datetime.now()
            element._scm_step_write(
                {
                    "stage": "to_mcd",
                    "pm_reviewed_date": now,
                    "pm_reviewer_id": self.env.user.id,
                }
            )
            element._scm_close_todo()
            element._scm_deadline_open(
                DL_TRANSFER,
                _("Send %(doc)s to MCD", doc=element.display_name),
                element.project_id.sudo().user_id,
                1,
                start=now,
            )
        return True

    def action_send_mcd(self):
        """The PM sends the document to MCD, whose manager reviews it within
        2 WD of receipt."""
        for element in self:
            element._scm_check_stage(("to_mcd",), _("sent to MCD"))
            element._scm_check_pm(_("send to MCD"))
            manager = element.project_id.sudo()._scm_mcd_manager()
            now = fields.Datetime.now()
            element._scm_step_write({"stage": "mcd_review", "mcd_received_date": now})
            element._scm_deadline_close(DL_TRANSFER)
            element._scm_deadline_open(
                DL_MCD,
                _("Review the element document %(doc)s", doc=element.display_name),
                manager,
                2,
                start=now,
            )
        return True

    def action_mcd_approve(self):
        """MCD returns the reviewed document to the PM: it is completed, and
        the PM owes its delivery to the customer within 2 WD."""
        for element in self:
            element._scm_check_stage(("mcd_review",), _("approved by MCD"))
            element._scm_check_mcd(_("approve"))
            element._scm_check_phased_transition()
            now = fields.Datetime.now()
            element._scm_step_write(
                {
                    "stage": "completed",
                    "mcd_reviewed_date": now,
                    "mcd_reviewer_id": self.env.user.id,
                }
            )
            element._scm_deadline_close(DL_MCD)
            element._scm_deadline_open(
                DL_DELIVERY,
                _("Deliver %(doc)s to the customer", doc=element.display_name),
                element.project_id.sudo().user_id,
                2,
                start=now,
            )
        return True

    def _scm_check_phased_transition(self):
        """PRJ-RES-06: a phased implementation describes the transition
        between its phases before the scheme is approved. The "scheme" is
        read as the set of element documents, so every MCD approval is
        refused while the kickoff area's hook says the transition plan is
        missing."""
        self.ensure_one()
        project = self.project_id.sudo()
        if (
            hasattr(project, "_scm_phased_transition_missing")
            and project._scm_phased_transition_missing()
        ):
            raise UserError(
                _(
                    "%(project)s is implemented in phases: describe the "
                    "transition between the phases and the method of the next "
                    "phase before MCD approves %(doc)s (PRJ-RES-06).",
                    project=project.display_name,
                    doc=self.display_name,
                )
            )

    def action_return(self, reason):
        """The PM (in review) or MCD (in its review) sends the document back
        to its author with the reason."""
        self.ensure_one()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Say why the document goes back to its author."))
        self._scm_check_stage(("pm_review", "mcd_review"), _("returned for rework"))
        if self.stage == "pm_review":
            self._scm_check_pm(_("return"))
            self._scm_close_todo()
        else:
            self._scm_check_mcd(_("return"))
            self._scm_deadline_close(DL_MCD)
        self._scm_step_write({"stage": "draft", "return_reason": reason})
        self.sudo().message_post(
            body=_("Returned for rework: %(reason)s", reason=reason),
            partner_ids=self.author_id.partner_id.ids,
        )
        return True

    def action_open_return(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Return for Rework"),
            "res_model": "scm.project.element.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_element_id": self.id},
        }

    def _scm_close_todo(self):
        self.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        ).action_feedback(feedback=_("Done"))

    # -- PRJ-ELEM-05/06: delivery and the customer's confirmation ---
    def action_deliver(self):
        """The PM delivers the completed document to the customer and owes
        the confirmation meeting within 5 WD."""
        for element in self:
            element._scm_check_stage(("completed",), _("delivered to the customer"))
            element._scm_check_pm(_("deliver"))
            now = fields.Datetime.now()
            element._scm_step_write({"stage": "delivered", "delivered_date": now})
            element._scm_deadline_close(DL_DELIVERY)
            element._scm_deadline_open(
                DL_MEETING,
                _(
                    "Hold the customer's confirmation meeting on %(doc)s",
                    doc=element.display_name,
                ),
                element.project_id.sudo().user_id,
                5,
                start=now,
            )
        return True

    def _scm_check_meeting_date(self, meeting_date):
        self.ensure_one()
        meeting_date = fields.Date.to_date(meeting_date)
        if not meeting_date or meeting_date > fields.Date.context_today(self):
            raise UserError(_("The confirmation meeting cannot be in the future."))
        delivered = self.env["scm.workday"]._local_date(
            self.delivered_date, self.company_id
        )
        if meeting_date < delivered:
            raise UserError(
                _(
                    "The confirmation meeting of %(doc)s cannot be before its "
                    "delivery.",
                    doc=self.display_name,
                )
            )
        return meeting_date

    def action_customer_confirm(self, meeting_date=None):
        """The customer confirmed the document at the implementation meeting:
        both PMs sign it next."""
        for element in self:
            element._scm_check_stage(("delivered",), _("confirmed by the customer"))
            element._scm_check_pm(_("record the customer's confirmation of"))
            day = element._scm_check_meeting_date(
                meeting_date or fields.Date.context_today(element)
            )
            element._scm_step_write(
                {"stage": "confirmed", "meeting_date": day, "confirmed_date": day}
            )
            element._scm_deadline_close(DL_MEETING)
            element._scm_signature_prepare()
        return True

    def action_open_confirm(self):
        self.ensure_one()
        self._scm_check_stage(("delivered",), _("confirmed by the customer"))
        self._scm_check_pm(_("record the customer's confirmation of"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Customer Confirmation"),
            "res_model": "scm.project.element.confirm",
            "view_mode": "form",
            "target": "new",
            "context": {"default_element_id": self.id},
        }

    def action_customer_object(self, minutes, meeting_date=None, attachments=None):
        """The customer objects: the implementation meeting that agreed the
        changes is recorded in its minutes, the document is kept as it was
        and its next version goes through the reviews again (PRJ-ELEM-06).
        Returns the new version."""
        self.ensure_one()
        self._scm_check_stage(("delivered",), _("objected to"))
        self._scm_check_pm(_("record the customer's objection to"))
        minutes = (minutes or "").strip()
        if not minutes:
            raise UserError(
                _(
                    "An objection is recorded with the minutes (《会谈纪要》) of the "
                    "implementation meeting that agreed the changes (PRJ-ELEM-06)."
                )
            )
        day = self._scm_check_meeting_date(
            meeting_date or fields.Date.context_today(self)
        )
        attachments = attachments or self.env["ir.attachment"]
        if attachments:
            attachments.check_access("read")
        new = self.sudo().copy(
            {
                "version": self.version + 1,
                "previous_id": self.id,
                "name": self.name,
                "stage": "draft",
            }
        )
        if attachments:
            attachments.sudo().write({"res_model": self._name, "res_id": self.id})
        self._scm_step_write(
            {
                "stage": "superseded",
                "meeting_date": day,
                "objection_date": day,
                "objection_minutes": minutes,
                "objection_attachment_ids": [(6, 0, attachments.ids)],
                "next_version_id": new.id,
            }
        )
        self._scm_deadline_close(DL_MEETING)
        self.sudo().message_post(
            body=_(
                "The customer objected on %(date)s: version %(version)s is drafted.",
                date=day,
                version=new.version,
            )
        )
        new.sudo().message_post(
            body=_(
                "Revision of version %(version)s after the customer's objection.",
                version=self.version,
            ),
            partner_ids=new.author_id.partner_id.ids,
        )
        return new

    def action_open_objection(self):
        self.ensure_one()
        self._scm_check_stage(("delivered",), _("objected to"))
        self._scm_check_pm(_("record the customer's objection to"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Customer Objection"),
            "res_model": "scm.project.element.objection",
            "view_mode": "form",
            "target": "new",
            "context": {"default_element_id": self.id},
        }

    def action_open_new_version(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.next_version_id.id,
            "view_mode": "form",
        }

    # -- PRJ-ELEM-08: signatures, acceptance sheet, e-filing ---
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": "pm",
                "name": _("AA Project Manager"),
                "required_user_id": self.project_id.sudo().user_id.id,
            }
        ]

    def action_scm_sign(self, slot):
        self.ensure_one()
        self._scm_check_stage(("confirmed",), _("signed"))
        result = super().action_scm_sign(slot)
        self._scm_check_fully_signed()
        return result

    def action_sign_pm(self):
        return self.action_scm_sign("pm")

    def _scm_check_customer_may_sign(self):
        self._scm_check_stage(("confirmed",), _("signed by the customer's PM"))

    def _scm_customer_sign_earliest(self):
        return self.confirmed_date

    def _scm_check_may_record_customer_signature(self):
        self.ensure_one()
        self._scm_check_pm(_("record the customer PM's signature on"))

    def _scm_on_customer_signed(self):
        self._scm_check_fully_signed()

    def _scm_check_fully_signed(self):
        """Both PMs signed: the PM owes the e-filing with HQ MCD within 2 WD."""
        self.ensure_one()
        if (
            self.stage != "confirmed"
            or not self.customer_signed_date
            or self._scm_missing_signatures()
        ):
            return False
        now = fields.Datetime.now()
        self._scm_step_write(
            {"stage": "signed", "signed_date": fields.Date.context_today(self)}
        )
        self._scm_deadline_open(
            DL_FILING,
            _("E-file %(doc)s with HQ MCD", doc=self.display_name),
            self.project_id.sudo().user_id,
            2,
            start=now,
        )
        return True

    def action_record_receipt(self, customer_signatory, receipt_date=None):
        """Both signatories sign for the document on the 《项目实施验收表》:
        the PM for AA, the named customer signatory for the customer."""
        self.ensure_one()
        self._scm_check_stage(("signed",), _("signed for on the acceptance sheet"))
        self._scm_check_pm(_("record the acceptance sheet of"))
        if self.receipt_date:
            raise UserError(
                _(
                    "%(doc)s is already signed for on the acceptance sheet.",
                    doc=self.display_name,
                )
            )
        customer_signatory = (customer_signatory or "").strip()
        if not customer_signatory:
            raise UserError(_("Name the customer's signatory on the acceptance sheet."))
        receipt_date = fields.Date.to_date(
            receipt_date or fields.Date.context_today(self)
        )
        if receipt_date > fields.Date.context_today(self) or (
            receipt_date < self.signed_date
        ):
            raise UserError(
                _(
                    "The acceptance sheet is signed between the signing of "
                    "%(doc)s and today.",
                    doc=self.display_name,
                )
            )
        self._scm_step_write(
            {
                "receipt_customer_name": customer_signatory,
                "receipt_aa_user_id": self.env.user.id,
                "receipt_date": receipt_date,
            }
        )
        return True

    def action_open_receipt(self):
        self.ensure_one()
        self._scm_check_stage(("signed",), _("signed for on the acceptance sheet"))
        self._scm_check_pm(_("record the acceptance sheet of"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Acceptance Sheet"),
            "res_model": "scm.project.element.receipt",
            "view_mode": "form",
            "target": "new",
            "context": {"default_element_id": self.id},
        }

    def action_efile(self):
        """The PM sends the electronic documents to HQ MCD for filing; MCD's
        manager is recorded as receiving them."""
        for element in self:
            element._scm_check_stage(("signed",), _("e-filed with HQ MCD"))
            element._scm_check_pm(_("e-file"))
            if not element.receipt_date:
                raise UserError(
                    _(
                        "%(doc)s needs its line on the acceptance sheet signed "
                        "by both signatories before it is filed (PRJ-ELEM-08).",
                        doc=element.display_name,
                    )
                )
            manager = element.project_id.sudo()._scm_mcd_manager()
            element._scm_step_write(
                {
                    "stage": "filed",
                    "filed_date": fields.Datetime.now(),
                    "mcd_receiver_id": manager.id,
                }
            )
            element._scm_deadline_close(DL_FILING)
            element.sudo().message_post(
                body=_(
                    "The electronic documents of %(doc)s were sent to HQ MCD for "
                    "filing.",
                    doc=element.display_name,
                ),
                partner_ids=manager.partner_id.ids,
            )
        return True

    # -- print ---
    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_project_element"
        ).report_action(self)

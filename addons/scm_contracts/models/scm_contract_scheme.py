from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

STAGES = [
    ("draft", "Draft"),
    ("countersigning", "Being Countersigned"),
    ("countersigned", "Countersigned"),
    ("cancelled", "Cancelled"),
]
# The units whose managers countersign with the project manager (SUP-KEY-01
# adopted: PM, MCD, MRD, Software, QC), by signature slot.
COUNTERSIGN_UNITS = [
    ("mcd", "scm_base.dept_mcd"),
    ("mrd", "scm_base.dept_mrd"),
    ("software", "scm_base.dept_software"),
    ("qc", "scm_base.dept_qc"),
]
CONTENT_FIELDS = {"contract_id", "title", "content", "pm_user_id", "team_member_ids"}


class ScmContractScheme(models.Model):
    """《项目实施方案书》, the implementation scheme of a major contract or key
    project (SUP-KEY-01, FORMS.md S5).

    The project team writes how the project will be carried out; the project
    manager and the managers of MCD, MRD, the Software Dept and the QC Dept
    countersign it, each once and in person or by delegation, with the
    server's time. The President approves a major or key contract only once
    its scheme is countersigned."""

    _name = "scm.contract.scheme"
    _description = "Project Implementation Scheme"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.signature.mixin",
        "scm.stage.mixin",
    ]
    _order = "id desc"
    _rec_names_search = ["name", "title", "contract_id"]
    # The reference, the author and the countersignature date are set by the
    # scheme's steps (the stage by the stage mixin).
    _scm_step_fields = ("name", "user_id", "countersigned_date")
    # The five countersignatures come from five different people.
    _scm_signature_distinct_signers = True
    # The countersignature step schedules the signers' activities itself.
    _scm_signature_activities = False

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    title = fields.Char(required=True, tracking=True)
    contract_id = fields.Many2one(
        "scm.contract",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="['&', ('stage', '!=', 'cancelled'), '|', "
        "('contract_class', '=', 'major'), ('is_key_project', '=', True)]",
    )
    contract_number = fields.Char(related="contract_id.number", string="Contract No.")
    contract_class = fields.Selection(related="contract_id.contract_class")
    is_key_project = fields.Boolean(related="contract_id.is_key_project")
    company_id = fields.Many2one(
        related="contract_id.company_id", string="Branch", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="contract_id.partner_id", string="Customer", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Drafted By",
        readonly=True,
        default=lambda self: self.env.user,
    )
    pm_user_id = fields.Many2one(
        "res.users",
        string="Project Manager",
        required=True,
        index=True,
        tracking=True,
        help="Heads the project team and countersigns first.",
    )
    team_member_ids = fields.Many2many(
        "res.users",
        "scm_contract_scheme_team_rel",
        "scheme_id",
        "user_id",
        string="Planned Team",
        help="The project team set up for the key project (SUP-KEY-01).",
    )
    content = fields.Html(
        string="Implementation Scheme",
        sanitize_style=True,
        help="How the project is carried out: approach, schedule and "
        "milestones, team and duties, prototypes and acceptance.",
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
    countersigned_date = fields.Datetime(
        string="Countersigned On", readonly=True, copy=False
    )
    my_slot = fields.Char(
        compute="_compute_my_slot",
        help="The countersignature the current user may give now.",
    )

    # -- computes ----------------------------------------------------------------
    @api.depends("name", "title")
    def _compute_display_name(self):
        for scheme in self:
            scheme.display_name = (
                f"{scheme.name} {scheme.title}"
                if scheme.title and scheme.name != "/"
                else scheme.title or scheme.name
            )

    @api.depends_context("uid")
    @api.depends("stage", "scm_signature_ids.state")
    def _compute_my_slot(self):
        user = self.env.user
        for scheme in self:
            slot = False
            if scheme.stage in ("draft", "countersigning"):
                slot = scheme._scm_slot_for(user)
            scheme.my_slot = slot

    # -- constraints -------------------------------------------------------------
    @api.constrains("contract_id")
    def _check_contract(self):
        for scheme in self:
            contract = scheme.contract_id.sudo()
            if contract.contract_class != "major" and not contract.is_key_project:
                raise ValidationError(
                    _(
                        "%(doc)s is neither a major contract nor a key project: it "
                        "needs no countersigned implementation scheme (SUP-KEY-01).",
                        doc=contract.display_name,
                    )
                )

    @api.constrains("contract_id", "stage")
    def _check_one_scheme(self):
        for scheme in self.filtered(lambda s: s.stage != "cancelled"):
            others = self.sudo().search_count(
                [
                    ("contract_id", "=", scheme.contract_id.id),
                    ("stage", "!=", "cancelled"),
                    ("id", "!=", scheme.id),
                ]
            )
            if others:
                raise ValidationError(
                    _(
                        "%(doc)s already has an implementation scheme; cancel it "
                        "before writing a new one.",
                        doc=scheme.contract_id.sudo().display_name,
                    )
                )

    @api.constrains("pm_user_id")
    def _check_pm(self):
        """The five countersignatures come from five people: the PM cannot
        also countersign for a unit."""
        managers = self._scm_unit_managers()
        for scheme in self:
            if scheme.pm_user_id in managers.values():
                raise ValidationError(
                    _(
                        "%(user)s countersigns the scheme as a department manager "
                        "and cannot also be its project manager.",
                        user=scheme.pm_user_id.name,
                    )
                )

    # -- roles ------------------------------------------------------------------
    @api.model
    def _scm_unit_managers(self):
        return {
            slot: self.env.ref(unit).sudo()._scm_manager_user()
            for slot, unit in COUNTERSIGN_UNITS
        }

    def _scm_authors(self):
        """Who writes the scheme: the project manager, the side answering
        for the contract (Branch Manager or HQ office) and the MCD Manager,
        who administers projects."""
        self.ensure_one()
        contract = self.contract_id.sudo()
        return (
            self.pm_user_id
            | contract._scm_drafter_side()
            | self.env.ref("scm_base.dept_mcd").sudo()._scm_manager_user()
        )

    def _scm_check_author(self, action):
        user = self.env.user
        for scheme in self:
            if user.has_group("scm_base.group_scm_admin"):
                continue
            if not self.env["scm.delegation"]._scm_acts_for(
                user, scheme._scm_authors(), self._name
            ):
                raise AccessError(
                    _(
                        "Only the project manager, the side answering for the "
                        "contract or the MCD Manager may %(action)s %(doc)s.",
                        action=action,
                        doc=scheme.display_name,
                    )
                )

    # -- CRUD ---------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # The step guard refuses a forged reference, stage or author: the
        # author is the user who creates the scheme (the field's default).
        schemes = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for scheme in schemes:
            if scheme.contract_id.sudo().stage == "cancelled":
                raise UserError(
                    _(
                        "%(doc)s is cancelled.",
                        doc=scheme.contract_id.sudo().display_name,
                    )
                )
            scheme._scm_check_author(_("write"))
            scheme._scm_write(
                {"name": sequence.next_by_code("scm.contract.scheme") or "/"}
            )
        return schemes

    def write(self, vals):
        if not self.env.su:
            # Access rights first: a reader gets an access error, not a
            # workflow message. Step fields are refused by the step guard.
            self.check_access("write")
            if vals.keys() & CONTENT_FIELDS:
                for scheme in self:
                    if scheme.stage != "draft":
                        raise UserError(
                            _(
                                "%(doc)s is %(stage)s: the countersigned text "
                                "cannot change. Cancel it and write a new scheme.",
                                doc=scheme.display_name,
                                stage=scheme._scm_stage_label(),
                            )
                        )
                self._scm_check_author(_("edit"))
        return super().write(vals)

    def _scm_write(self, vals):
        """A step writes its fields, after checking who may take it."""
        return self._scm_step_write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        for scheme in self:
            if scheme.stage != "draft" or scheme.scm_signature_ids.filtered(
                lambda s: s.state == "signed"
            ):
                raise UserError(
                    _(
                        "%(doc)s was countersigned, even in part, and is kept; "
                        "cancel it instead.",
                        doc=scheme.display_name,
                    )
                )

    # -- helpers ----------------------------------------------------------------------
    def _scm_check_complete(self):
        for scheme in self:
            from_html = self.env["scm.contract"]._scm_html_text(scheme.content)
            if not from_html.strip():
                raise UserError(
                    _(
                        "Write the implementation scheme of %(doc)s before it is "
                        "countersigned.",
                        doc=scheme.display_name,
                    )
                )

    def _scm_slot_for(self, user):
        """The first pending countersignature `user` may give, or False."""
        self.ensure_one()
        signatures = self.sudo().scm_signature_ids
        if not signatures:
            # Not prepared yet: the slots the user would hold.
            if user == self.pm_user_id:
                return "pm"
            for slot, manager in self._scm_unit_managers().items():
                if user == manager:
                    return slot
            return False
        for signature in signatures.filtered(lambda s: s.state == "pending"):
            if signature._may_sign(user)[0]:
                return signature.slot
        return False

    # -- countersignature (SUP-KEY-01) ---------------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        managers = self._scm_unit_managers()
        names = {
            "mcd": _("Manager, Management Consulting Dept"),
            "mrd": _("Manager, Management Requirement Dept"),
            "software": _("Manager, Software Dept"),
            "qc": _("Manager, QC Dept"),
        }
        slots = [
            {
                "slot": "pm",
                "name": _("Project Manager"),
                "required_user_id": self.pm_user_id.id,
            }
        ]
        for slot, _unit in COUNTERSIGN_UNITS:
            slots.append(
                {
                    "slot": slot,
                    "name": names[slot],
                    "required_user_id": managers[slot].id,
                }
            )
        return slots

    def action_start_countersign(self):
        """Freeze the text and ask the five signers for their countersignature."""
        for scheme in self:
            scheme._scm_check_stage(("draft",), _("sent for countersignature"))
            scheme._scm_check_author(_("send for countersignature"))
            scheme._scm_start_countersign()
        return True

    def _scm_start_countersign(self):
        self.ensure_one()
        self._scm_check_complete()
        self._scm_signature_prepare()
        self._scm_write({"stage": "countersigning"})
        for signature in self.sudo().scm_signature_ids.filtered(
            lambda s: s.state == "pending"
        ):
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_(
                    "Countersign the implementation scheme %(doc)s",
                    doc=self.display_name,
                ),
                user_id=signature.required_user_id.id,
            )

    def action_scm_sign(self, slot):
        """Countersign `slot` ('pm', 'mcd', 'mrd', 'software' or 'qc') as the
        current user, with the server's time; a person signs once."""
        self.ensure_one()
        self._scm_check_stage(("draft", "countersigning"), _("countersigned"))
        if self.stage == "draft":
            self._scm_start_countersign()
        res = super().action_scm_sign(slot)
        signature = self.scm_signature_ids.filtered(lambda s: s.slot == slot)
        self.sudo().activity_ids.filtered(
            lambda a: (
                a.user_id == signature.required_user_id
                and a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
            )
        ).action_feedback(feedback=_("Countersigned"))
        if not self._scm_missing_signatures():
            self._scm_write(
                {"stage": "countersigned", "countersigned_date": fields.Datetime.now()}
            )
            self.contract_id.sudo().message_post(
                body=_(
                    "The implementation scheme %(doc)s is countersigned: the "
                    "President may approve the contract (SUP-KEY-01).",
                    doc=self.display_name,
                )
            )
        return res

    def action_sign_mine(self):
        """Give the countersignature the current user holds."""
        self.ensure_one()
        slot = self._scm_slot_for(self.env.user)
        if not slot:
            raise UserError(
                _(
                    "You hold no pending countersignature of %(doc)s.",
                    doc=self.display_name,
                )
            )
        return self.action_scm_sign(slot)

    def action_cancel_scheme(self):
        """Withdraw the scheme, e.g. to write a new version; not once the
        President approved the contract on it."""
        for scheme in self:
            scheme._scm_check_stage(
                ("draft", "countersigning", "countersigned"), _("cancelled")
            )
            scheme._scm_check_author(_("cancel"))
            if scheme.contract_id.sudo()._scm_president_approved():
                raise UserError(
                    _(
                        "The President approved %(contract)s on %(doc)s: the "
                        "scheme is kept.",
                        contract=scheme.contract_id.sudo().display_name,
                        doc=scheme.display_name,
                    )
                )
            scheme._scm_write({"stage": "cancelled"})
            scheme.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_open_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.contract",
            "view_mode": "form",
            "res_id": self.contract_id.id,
        }

    def action_print_scheme(self):
        self.ensure_one()
        return self.env.ref(
            "scm_contracts.action_report_scm_contract_scheme"
        ).report_action(self)

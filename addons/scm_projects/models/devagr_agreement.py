from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

STAGES = [
    ("draft", "Draft"),
    ("signing", "Being Signed"),
    ("signed", "Signed"),
    ("cancelled", "Cancelled"),
]
# Fixed at signing: afterwards only a signed memorandum changes them.
TERMS = {"completion_date", "cost"}
CONTENT_FIELDS = {
    "name",
    "work_content",
    "rights_obligations",
    "schedule_attachment_ids",
}
SIGN_CODE = "PRJ-DEV-10"


class ScmDevAgreement(models.Model):
    """《软件产品开发协议》 between MRD and the Software Dept (PRJ-DEV-10/11):
    drafted by the Requirement Project Lead on the standard format once the
    requirements are confirmed, with the requirement analysis report, the
    system analysis report and the development schedule attached; signed
    by the MRD Manager and the Software Dept Manager within 1 WD; held by
    the two managers and the two project leads. Its dates and cost change
    afterwards only through signed memoranda (PRJ-DEV-13), from which its
    effective due date and cost are computed (PRJ-DEV-15)."""

    _name = "scm.dev.agreement"
    _description = "Software Product Development Agreement"
    _inherit = ["scm.devagr.document.mixin"]
    _order = "id desc"
    _scm_signature_activities = False  # the 1-WD deadlines are the activities
    _scm_step_fields = (
        "analysis_id",
        "system_analysis_id",
        "submitted_date",
        "signed_date",
        "started_date",
    )

    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: _("Software Product Development Agreement"),
    )
    stage = fields.Selection(
        STAGES, default="draft", required=True, readonly=True, copy=False, index=True
    )
    work_content = fields.Html(string="Development Work Content")
    completion_date = fields.Date(string="Agreed Completion Date", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    cost = fields.Monetary(string="Agreed Cost", tracking=True)
    rights_obligations = fields.Html(string="Rights and Obligations")
    analysis_id = fields.Many2one(
        "scm.dev.analysis",
        string="Requirement Analysis Report",
        readonly=True,
        copy=False,
        help="The confirmed version (attachment 1).",
    )
    system_analysis_id = fields.Many2one(
        "scm.dev.system.analysis",
        string="System Analysis Report",
        readonly=True,
        copy=False,
        help="The confirmed report (attachment 2).",
    )
    schedule_attachment_ids = fields.Many2many(
        "ir.attachment",
        "scm_dev_agreement_schedule_rel",
        "agreement_id",
        "attachment_id",
        string="Development Schedule",
        help="《软件产品开发进度表》 (attachment 3).",
    )
    memo_ids = fields.One2many(
        "scm.dev.agreement.memo", "agreement_id", string="Memoranda"
    )
    execution_ids = fields.One2many(
        "scm.dev.agreement.execution", "agreement_id", string="Execution Sheets"
    )
    submitted_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    signed_date = fields.Datetime(string="Signed On", readonly=True, copy=False)
    started_date = fields.Date(string="Development Started", readonly=True, copy=False)
    effective_due_date = fields.Date(
        string="Due Date (with Memoranda)",
        compute="_compute_effective_terms",
        store=True,
        help="The agreed completion date as the latest signed memorandum changed it.",
    )
    effective_cost = fields.Monetary(
        string="Cost (with Memoranda)", compute="_compute_effective_terms", store=True
    )
    late = fields.Boolean(
        compute="_compute_late",
        search="_search_late",
        help="Signed, past its due date, and its development not yet accepted.",
    )

    @api.depends(
        "completion_date",
        "cost",
        "memo_ids.stage",
        "memo_ids.new_completion_date",
        "memo_ids.new_cost",
    )
    def _compute_effective_terms(self):
        for agreement in self:
            due, cost = agreement.completion_date, agreement.cost
            memos = agreement.memo_ids.filtered(lambda m: m.stage == "signed")
            for memo in memos.sorted(lambda m: (m.signed_date, m.id)):
                due = memo.new_completion_date or due
                cost = memo.new_cost if memo.new_cost else cost
            agreement.effective_due_date = due
            agreement.effective_cost = cost

    def _late_domain(self):
        return [
            ("stage", "=", "signed"),
            ("effective_due_date", "<", fields.Date.context_today(self)),
            ("work_id.stage", "in", ("agreement", "developing", "qc")),
        ]

    def _compute_late(self):
        late = self.search(self._late_domain() + [("id", "in", self.ids)])
        for agreement in self:
            agreement.late = agreement in late

    def _search_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on late agreements."))
        ids = self.search(self._late_domain()).ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    # -- drafting --------------------------------------------------------------
    def _devagr_check_may_start(self, work):
        work._scm_check_stage(
            ("confirmed", "system_analysis"), _("given a development agreement")
        )
        blockers = work._scm_agreement_blockers()
        if blockers:
            raise UserError(
                _(
                    "The development agreement of %(work)s cannot be made yet: "
                    "%(blockers)s (PRJ-DEV-04).",
                    work=work.display_name,
                    blockers="; ".join(blockers),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                work = self.env["scm.dev.work"].browse(vals.get("work_id")).sudo()
                self._devagr_check_requirement_lead(_("draft"), work)
                self._devagr_check_may_start(work)
                if self.sudo().search_count(
                    [("work_id", "=", work.id), ("stage", "!=", "cancelled")]
                ):
                    raise UserError(
                        _(
                            "%(work)s already has its development agreement: "
                            "change it through a memorandum.",
                            work=work.display_name,
                        )
                    )
        agreements = super().create(vals_list)
        for agreement in agreements:
            analysis = agreement._devagr_confirmed_analysis()
            agreement.sudo().write({"analysis_id": analysis.id})
        return agreements

    def _devagr_confirmed_analysis(self):
        return (
            self.env["scm.dev.analysis"]
            .sudo()
            .search(
                [("work_id", "=", self.work_id.id), ("stage", "=", "confirmed")],
                order="version desc",
                limit=1,
            )
        )

    def write(self, vals):
        if not self.env.su:
            # who may not write it at all hears so first
            self.check_access("write")
        if not self.env.su:
            if vals.keys() & TERMS and any(a.stage != "draft" for a in self):
                raise UserError(
                    _(
                        "The completion date and the cost of a submitted "
                        "development agreement change only through a memorandum "
                        "signed by both project leads (PRJ-DEV-13)."
                    )
                )
            if vals.keys() & (CONTENT_FIELDS | TERMS):
                for agreement in self:
                    agreement._scm_check_stage(("draft",), _("changed"))
                    agreement._devagr_check_requirement_lead(_("change"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._scm_check_stage(("draft",), _("deleted"))

    # -- signing -----------------------------------------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        work = self.work_id.sudo()
        return [
            {
                "slot": "mrd",
                "name": _("MRD Manager"),
                "required_user_id": work._scm_mrd_manager().id,
            },
            {
                "slot": "software",
                "name": _("Software Dept Manager"),
                "required_user_id": work._scm_software_manager().id,
            },
        ]

    def action_submit(self):
        """PRJ-DEV-10/11: the lead submits the draft with its attachments; the
        two managers owe their signatures within 1 WD."""
        for agreement in self:
            agreement._scm_check_stage(("draft",), _("submitted"))
            agreement._devagr_check_requirement_lead(_("submit"))
            work = agreement.work_id.sudo()
            agreement._devagr_check_may_start(work)
            work._scm_check_stage(("system_analysis",), _("given a signed agreement"))
            missing = []
            if not html2plaintext(agreement.work_content or "").strip():
                missing.append(
                    agreement._fields["work_content"]._description_string(self.env)
                )
            if not agreement.completion_date:
                missing.append(
                    agreement._fields["completion_date"]._description_string(self.env)
                )
            if agreement.cost <= 0:
                missing.append(agreement._fields["cost"]._description_string(self.env))
            if not html2plaintext(agreement.rights_obligations or "").strip():
                missing.append(
                    agreement._fields["rights_obligations"]._description_string(
                        self.env
                    )
                )
            analysis = agreement._devagr_confirmed_analysis()
            system = (
                self.env["scm.dev.system.analysis"]
                .sudo()
                .search(
                    [("work_id", "=", work.id), ("stage", "=", "confirmed")], limit=1
                )
            )
            if not analysis:
                missing.append(_("the confirmed requirement analysis report"))
            if not system:
                missing.append(_("the confirmed system analysis report"))
            if not agreement.schedule_attachment_ids:
                missing.append(_("the development schedule"))
            if missing:
                raise UserError(
                    _(
                        "%(doc)s cannot go to signature without: %(missing)s "
                        "(PRJ-DEV-10/11).",
                        doc=agreement.display_name,
                        missing=", ".join(missing),
                    )
                )
            agreement._scm_step_write(
                {
                    "stage": "signing",
                    "analysis_id": analysis.id,
                    "system_analysis_id": system.id,
                    "submitted_date": fields.Datetime.now(),
                }
            )
            agreement._scm_signature_prepare()
            for signature in agreement.sudo().scm_signature_ids:
                agreement._scm_deadline_open(
                    SIGN_CODE,
                    _("Sign %(doc)s", doc=agreement.display_name),
                    signature.required_user_id,
                    1,
                )
        return True

    def action_scm_sign(self, slot):
        self.ensure_one()
        self._scm_check_stage(("signing",), _("signed"))
        result = super().action_scm_sign(slot)
        signature = self.sudo().scm_signature_ids.filtered(lambda s: s.slot == slot)
        self._scm_deadline_close(SIGN_CODE, user=signature.required_user_id)
        if not self._scm_missing_signatures():
            self._devagr_signed()
        return result

    def action_sign_mrd(self):
        return self.action_scm_sign("mrd")

    def action_sign_software(self):
        return self.action_scm_sign("software")

    def _devagr_signed(self):
        """Both managers signed: the development's agreement stage; four
        holders; MRD's execution status sheet opens (PRJ-DEV-12)."""
        work = self.work_id.sudo()
        self._devagr_move_work(
            ("system_analysis",), "agreement", _("given its agreement")
        )
        self._scm_step_write({"stage": "signed", "signed_date": fields.Datetime.now()})
        mrd, software = work._scm_mrd_manager(), work._scm_software_manager()
        holders = [
            mrd,
            work.requirement_lead_id or mrd,
            software,
            work.software_lead_id or software,
        ]
        self._devagr_copies([{"recipient_user_id": user.id} for user in holders])
        self.env["scm.dev.agreement.execution"].sudo().create(
            {"agreement_id": self.id, "work_id": work.id}
        )

    def action_start_development(self):
        """The Software Dept starts the development under the agreement."""
        for agreement in self:
            agreement._scm_check_stage(("signed",), _("started"))
            agreement._devagr_check_side("software", _("start the development of"))
            agreement._devagr_move_work(("agreement",), "developing", _("developed"))
            agreement._scm_step_write({"started_date": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        for agreement in self:
            agreement._scm_check_stage(("draft", "signing"), _("cancelled"))
            agreement._devagr_check_requirement_lead(_("cancel"))
            agreement._scm_deadline_cancel(SIGN_CODE)
            agreement._scm_step_write({"stage": "cancelled"})
        return True

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_dev_agreement"
        ).report_action(self)

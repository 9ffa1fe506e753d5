from odoo import _, fields, models
from odoo.exceptions import UserError

from .devagr_document_mixin import SIDES

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
    """The later steps of a development (PRJ-DEV-07..15): its analysis
    report versions, system analysis report, agreement, memoranda,
    execution status sheet, QC reports and the requirement side's
    acceptance with its days late and breaches."""

    _inherit = "scm.dev.work"

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

    def _scm_step_field_names(self):
        return super()._scm_step_field_names() | set(ACCEPTANCE_FIELDS)

    # -- hooks of the requirement-work steps -----------------------------------------
    def _scm_agreement_blockers(self):
        """What still keeps the development agreement from being made
        (PRJ-DEV-04: the QC and software work plans): a list of translated
        sentences. Extended by the requirement-work steps."""
        self.ensure_one()
        return []

    def _scm_analysis_blockers(self):
        """What still keeps the requirement analysis from going on (for a
        secondary contract's development: its requirement report not signed
        by the customer or not received by MRD): a list of translated
        sentences. Extended by the requirement-work steps."""
        self.ensure_one()
        return []

    def _scm_requirement_sources(self):
        """The documents the requirement analysis report is written from
        (research reports, gap lists, customer requirement reports ...): a
        recordset or a list of records. Extended by the requirement-work
        steps."""
        self.ensure_one()
        return []

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

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

STAGES = [
    ("draft", "Draft"),
    ("sent", "Sent to the Customer"),
    ("answered", "Answered"),
    ("cancelled", "Cancelled"),
]


class ScmProjectSupplementRequest(models.Model):
    """A request for supplements or explanations of the customer's research
    material, addressed to the customer project lead; it may ask for a
    further research round through the customer lead (PRJ-ELEM-01). Large
    meetings are avoided: the request goes to the lead, not to a meeting."""

    _name = "scm.project.supplement.request"
    _description = "Supplement Request to the Customer"
    _inherit = ["mail.thread", "scm.stage.mixin", "scm.project.document.mixin"]
    _order = "id desc"
    _scm_step_fields = ("requested_by_id", "sent_date", "answered_date", "answer")

    name = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Text(
        string="What Is Missing or Doubtful",
        required=True,
        help="The material found incomplete or doubtful and what is asked.",
    )
    addressee_id = fields.Many2one(
        "res.partner",
        string="Customer Project Lead",
        required=True,
        tracking=True,
        help="A customer-side member of the project team (PRJ-ELEM-01).",
    )
    further_research = fields.Boolean(
        string="Further Research Round",
        tracking=True,
        help="A further research round is to be arranged through the customer "
        "project lead.",
    )
    requested_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        default=lambda self: self.env.user,
    )
    stage = fields.Selection(
        STAGES, default="draft", required=True, readonly=True, copy=False, index=True
    )
    sent_date = fields.Date(string="Sent On", readonly=True, copy=False)
    answered_date = fields.Date(string="Answered On", readonly=True, copy=False)
    answer = fields.Text(string="Customer's Answer", readonly=True, copy=False)

    @api.constrains("addressee_id", "project_id")
    def _check_addressee(self):
        """The addressee leads on the customer side: the team has no role
        named "project lead", so any active customer-side member the PM put
        on the team may be addressed."""
        for request in self:
            members = request.project_id.sudo().scm_member_ids.filtered(
                lambda m: m.side == "customer" and m.active
            )
            if request.addressee_id not in members.customer_contact_id:
                raise ValidationError(
                    _(
                        "%(contact)s is not on the customer side of the team of "
                        "%(project)s: supplement requests go to the customer "
                        "project lead (PRJ-ELEM-01).",
                        contact=request.addressee_id.display_name,
                        project=request.project_id.sudo().display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                [vals.get("project_id") for vals in vals_list if vals.get("project_id")]
            )
            for project in projects.sudo():
                if not project._scm_is_worker(self.env.user):
                    raise UserError(
                        _(
                            "Only the project team may ask the customer of "
                            "%(project)s for supplements.",
                            project=project.display_name,
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_project_worker(_("change"))
            self._scm_check_stage(("draft",), _("changed"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._scm_check_stage(("draft",), _("deleted"))

    def action_send(self):
        for request in self:
            request._scm_check_stage(("draft",), _("sent"))
            request._scm_check_project_worker(_("send"))
            if not (request.description or "").strip():
                raise UserError(_("Say what is missing or doubtful."))
            request._scm_step_write(
                {"stage": "sent", "sent_date": fields.Date.context_today(request)}
            )
        return True

    def action_record_answer(self, answer):
        self.ensure_one()
        self._scm_check_stage(("sent",), _("answered"))
        self._scm_check_project_worker(_("record the answer to"))
        answer = (answer or "").strip()
        if not answer:
            raise UserError(_("Write the customer's answer."))
        self._scm_step_write(
            {
                "stage": "answered",
                "answer": answer,
                "answered_date": fields.Date.context_today(self),
            }
        )
        return True

    def action_open_answer(self):
        self.ensure_one()
        self._scm_check_stage(("sent",), _("answered"))
        self._scm_check_project_worker(_("record the answer to"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Customer's Answer"),
            "res_model": "scm.project.supplement.answer",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def action_cancel(self):
        for request in self:
            request._scm_check_stage(("draft", "sent"), _("cancelled"))
            request._scm_check_project_worker(_("cancel"))
            request._scm_step_write({"stage": "cancelled"})
        return True

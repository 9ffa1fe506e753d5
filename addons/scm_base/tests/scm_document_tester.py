from odoo import fields, models


class ScmDocumentTester(models.Model):
    """A document using every scm_base mixin, registered only during tests."""

    _name = "scm.document.tester"
    _description = "SCM Test Document"
    _inherit = [
        "mail.thread",
        "scm.approval.mixin",
        "scm.signature.mixin",
        "scm.distribution.mixin",
    ]

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    amount = fields.Float()
    is_major = fields.Boolean()
    revision_days = fields.Integer()

    def _scm_signature_slots(self):
        return [
            {
                "slot": "branch_manager",
                "name": "Branch Manager",
                "required_user_id": self.company_id.scm_manager_id.id,
            },
            {
                "slot": "finance",
                "name": "Finance Seal",
                "required_group_id": self.env.ref("scm_base.group_finance").id,
            },
        ]

    def _scm_distribution_list(self):
        return [
            {
                "recipient_department_id": self.env.ref("scm_base.dept_finance").id,
                "copy_type": "original",
            },
            {
                "recipient_department_id": self.env.ref("scm_base.dept_mcd").id,
                "copy_type": "copy",
            },
            {"recipient_company_id": self.company_id.id, "copy_type": "electronic"},
        ]

    def _scm_revision_deadline(self):
        return (self.revision_days, "TEST-REVISE") if self.revision_days else False

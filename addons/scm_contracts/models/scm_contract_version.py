from odoo import api, fields, models


class ScmContractVersion(models.Model):
    """The text of each submitted version; the changes from the previous
    version are marked in red (SUP-CTR-01)."""

    _name = "scm.contract.version"
    _description = "Contract Version"
    _inherit = ["scm.step.guard.mixin"]
    # The submitted text is recorded by the submission and never rewritten.
    _scm_step_fields = (
        "contract_id",
        "version",
        "terms",
        "amount",
        "hardware_amount",
        "author_id",
    )
    _order = "contract_id, version desc"

    contract_id = fields.Many2one(
        "scm.contract", required=True, ondelete="cascade", index=True, readonly=True
    )
    version = fields.Integer(required=True, readonly=True)
    terms = fields.Html(readonly=True, sanitize=False)
    amount = fields.Float(readonly=True)
    hardware_amount = fields.Float(readonly=True)
    author_id = fields.Many2one("res.users", string="Submitted By", readonly=True)
    changes = fields.Html(
        string="Changes from the Previous Version",
        compute="_compute_changes",
        sanitize=False,
    )

    @api.depends("contract_id", "version")
    def _compute_display_name(self):
        for version in self:
            version.display_name = self.env._(
                "%(doc)s, version %(version)s",
                doc=version.contract_id.sudo().display_name or "",
                version=version.version,
            )

    @api.depends("terms", "contract_id.version_ids")
    def _compute_changes(self):
        contract_model = self.env["scm.contract"]
        for version in self:
            previous = version.contract_id.version_ids.filtered(
                lambda v, current=version: v.version < current.version
            ).sorted("version")[-1:]
            old = previous and contract_model._scm_html_text(previous.terms) or ""
            new = contract_model._scm_html_text(version.terms)
            version.changes = contract_model._scm_diff_html(old, new)

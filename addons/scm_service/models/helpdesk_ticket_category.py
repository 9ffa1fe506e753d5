from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    """The service catalogue (SVC-SCOPE-04): the three categories are the
    top-level categories, their items the categories below them. The kind
    marks the items the service standards treat apart (SVC-STD-02/03)."""

    _inherit = "helpdesk.ticket.category"

    scm_item_kind = fields.Selection(
        [
            ("report", "Query/statistical report"),
            ("data_fix", "Data fix"),
            ("hardware", "Hardware installation/debugging"),
        ],
        string="Item Kind",
        help="Reports: two free per service year (SVC-STD-02 d). Data fixes: "
        "only with the user's backup (SVC-STD-02 h). Hardware installation: "
        "never time-billed (SVC-STD-03).",
    )

from odoo import fields, models


class ScmTrainingSummaryReview(models.TransientModel):
    """The superior's review of a summary report: reviewed, or returned with
    the reason (TRN-SUM-01). The summary's steps check who reviews."""

    _name = "scm.training.summary.review"
    _description = "Review a Training Summary Report"

    summary_id = fields.Many2one("scm.training.summary", required=True)
    comment = fields.Text()

    def action_review(self):
        self.ensure_one()
        return self.summary_id.action_review(self.comment)

    def action_return(self):
        self.ensure_one()
        return self.summary_id.action_return(self.comment)

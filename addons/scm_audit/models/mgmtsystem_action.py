from odoo import _, models
from odoo.exceptions import UserError


class MgmtsystemAction(models.Model):
    """OCA's corrective action, seen from the suite: the action of an audit
    finding's rectification plan is written by the finding's steps, and its
    owner is told by the finding's activity, not by OCA's e-mail."""

    _inherit = "mgmtsystem.action"

    def _scm_is_rectification(self):
        tag = self.env.ref(
            "scm_audit.action_tag_rectification", raise_if_not_found=False
        )
        return self.sudo().filtered(lambda action: tag and tag in action.tag_ids)

    def send_mail_for_action(self, force_send=True):
        # OCA mails every new action at once (force_send); a rectification's
        # owner already has the finding's activity and chatter notice.
        others = self - self._scm_is_rectification()
        return super(MgmtsystemAction, others).send_mail_for_action(
            force_send=force_send
        )

    def write(self, vals):
        if not self.env.su and self._scm_is_rectification():
            raise UserError(
                _(
                    "This action is the rectification plan of an audit finding: "
                    "it changes only through the finding's steps."
                )
            )
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self._scm_is_rectification():
            raise UserError(_("The rectification plan of an audit finding is kept."))
        return super().unlink()

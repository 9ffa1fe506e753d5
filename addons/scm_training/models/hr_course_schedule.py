from odoo import _, fields, models
from odoo.exceptions import UserError


class HrCourseSchedule(models.Model):
    """OCA hr_course's scheduled session, seen from the suite: a schedule
    that backs a training session (scm.training.session) moves only through
    the session's steps (TRN-SM-01), never through hr_course's own state
    buttons."""

    _inherit = "hr.course.schedule"

    scm_session_ids = fields.One2many(
        "scm.training.session", "schedule_id", string="Training Session"
    )

    def _scm_refuse_suite_sessions(self):
        if self.env.su:
            return
        if self.sudo().filtered("scm_session_ids"):
            raise UserError(
                _(
                    "This course session is a training session of the suite: "
                    "it moves only through the session's own steps."
                )
            )

    def draft2waiting(self):
        self._scm_refuse_suite_sessions()
        return super().draft2waiting()

    def waiting2inprogress(self):
        self._scm_refuse_suite_sessions()
        return super().waiting2inprogress()

    def inprogress2validation(self):
        self._scm_refuse_suite_sessions()
        return super().inprogress2validation()

    def validation2complete(self):
        self._scm_refuse_suite_sessions()
        return super().validation2complete()

    def back2draft(self):
        self._scm_refuse_suite_sessions()
        return super().back2draft()

    def cancel_course(self):
        self._scm_refuse_suite_sessions()
        return super().cancel_course()

    def all_passed(self):
        self._scm_refuse_suite_sessions()
        return super().all_passed()

    def write(self, vals):
        self._scm_refuse_suite_sessions_write(vals)
        return super().write(vals)

    def _scm_refuse_suite_sessions_write(self, vals):
        """Outside the session (HR managers edit schedules directly), a suite
        session's schedule is not rewritten: its fields are the session's."""
        if self.env.su or not vals:
            return
        self._scm_refuse_suite_sessions()

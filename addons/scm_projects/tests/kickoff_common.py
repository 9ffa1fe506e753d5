from datetime import timedelta

from odoo import fields

from .common import ScmProjectsCase


class KickoffCase(ScmProjectsCase):
    """A project of the kick-off area: its customer contacts (the leading
    group leader, a department manager) and an AA consultant on the team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"].sudo()
        cls.leader = Partner.create({"name": "楚风 张总", "parent_id": cls.chufeng.id})
        cls.sales_head = Partner.create(
            {"name": "楚风 销售部 李经理", "parent_id": cls.chufeng.id}
        )
        cls.outsider = Partner.create({"name": "外单位 王某"})
        cls.pm = cls.wh_manager
        cls.add_member(cls.project, "aa", "consultant", user=cls.wh_consultant)

    @classmethod
    def add_member(cls, project, side, role, user=None, contact=None):
        member = (
            cls.env["scm.project.member"]
            .sudo()
            .create(
                {
                    "project_id": project.id,
                    "side": side,
                    "role": role,
                    "user_id": user and user.id,
                    "customer_contact_id": contact and contact.id,
                }
            )
        )
        # The end of the request that adds a member: the project's team users
        # (read by the documents' team rule) are computed and stored.
        cls.env.flush_all()
        return member

    @classmethod
    def add_leader(cls, project):
        return cls.add_member(project, "customer", "group_leader", contact=cls.leader)

    def pay(self, contract, amount, milestone=None):
        return (
            self.env["scm.contract.payment"]
            .with_user(self.finance)
            .create(
                {
                    "contract_id": contract.id,
                    "milestone_id": milestone and milestone.id,
                    "amount": amount,
                    "date": self.today(),
                }
            )
        )

    def past(self, **delta):
        return fields.Datetime.now() - timedelta(**delta)

    def new_meeting(self, project=None, user=None, **vals):
        values = {
            "project_id": (project or self.project).id,
            "name": "销售部管理评估工作会",
            "meeting_type": "assessment",
            "department": "销售部",
            "date": self.today(),
            "duration_days": 1,
            "chair_id": self.leader.id,
            "recorder_id": self.wh_consultant.id,
            "addressee_id": self.leader.id,
            "minutes": "讨论销售出库流程及单据。",
        }
        values.update(vals)
        return self.env["scm.project.meeting"].with_user(user or self.pm).create(values)

    def signed_and_sent(self, meeting):
        meeting = meeting.with_user(self.pm)
        meeting.action_sign_pm()
        meeting._scm_record_customer_signature("张总", self.today())
        self.assertIs(meeting.action_send(), True)
        return meeting

"""The lists of the detection cost as many queries for 30 records as for 3
(scm_base/tests/listing.py): the random samples and the work queue, opened
as the Audit Dept."""

from itertools import count

from odoo.tests import tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .common import ScmAuditCase

SAMPLES = "scm_audit.action_scm_audit_sample"
QUEUE = "scm_audit.action_scm_audit_proposal"


@tagged("post_install", "-at_install")
class TestDetectListQueries(ScmAuditCase):
    def test_aud_ctr_01_sample_list_constant_queries(self):
        """AUD-CTR-01: the random samples' list, drawn ones with their lines."""
        Sample = self.as_client(self.env["scm.audit.sample"], self.auditor)
        users = [self.auditor, self.sc_manager]
        companies = [self.wuhan, self.beijing, False]
        serial = count()

        def make(n):
            for __ in range(n):
                i = next(serial)
                sample = Sample.create(
                    {
                        "sample_size": 1 + i % 3,
                        "company_id": companies[i % 3] and companies[i % 3].id,
                    }
                )
                if not companies[i % 3]:
                    self.as_client(sample, users[i % 2]).action_draw()

        assert_constant_list_queries(self, SAMPLES, self.auditor, make)

    def test_aud_ctr_04_work_queue_list_constant_queries(self):
        """AUD-CTR-04: the work queue's list of proposals of every kind."""
        Proposal = self.env["scm.audit.proposal"].sudo()
        kinds = ["deadline", "delay_notice", "collection", "violation", "sample"]
        people = [self.wh_consultant, self.wh_manager, self.bj_consultant]
        companies = [self.wuhan, self.wuhan, self.beijing]
        serial = count()

        def make(n):
            vals_list = []
            for __ in range(n):
                i = next(serial)
                vals_list.append(
                    {
                        "name": f"列表测试 {i}",
                        "kind": kinds[i % len(kinds)],
                        "fact_key": f"list-test:{i}",
                        "rule_code": "SAL-PLAN-01",
                        "user_id": people[i % 3].id,
                        "company_id": companies[i % 3].id,
                        "proposed_level": "1",
                    }
                )
            Proposal._scm_propose(vals_list)

        assert_constant_list_queries(self, QUEUE, self.auditor, make)

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .report_common import ScmReportCase


@tagged("post_install", "-at_install")
class TestReportHeatmap(ScmReportCase):
    """The violation heat map of the manual (issue 14, "Reporting"): the
    rules most often breached, by branch."""

    def test_heatmap_counts_finding_deadline_violation_by_rule_and_branch(self):
        """A confirmed finding (AUD-GEN-02), a missed deadline and a logged
        procedure violation (ORG-RULE-05, AUD-CTR-04) each count once under
        their rule, branch and month; nothing counts for another branch."""
        wuhan, beijing = self.wuhan, self.beijing
        before = {
            "finding": self.heat("CON-SIGN-01", wuhan, "finding"),
            "deadline": self.heat("PRJ-TRK-05", wuhan, "deadline"),
            "violation": self.heat("ORG-RULE-05", wuhan, "violation"),
            "bj_finding": self.heat("CON-SIGN-01", beijing),
            "bj_deadline": self.heat("PRJ-TRK-05", beijing),
            "bj_violation": self.heat("ORG-RULE-05", beijing),
        }
        # A draft finding is no breach yet; the confirmed one is.
        draft = self.make_finding(self.make_report(), rule="CON-SIGN-01")
        self.assertEqual(self.heat("CON-SIGN-01", wuhan, "finding"), before["finding"])
        self.confirmed_finding(rule="CON-SIGN-01")
        self.assertEqual(
            self.heat("CON-SIGN-01", wuhan, "finding"), before["finding"] + 1
        )
        # Missed: open after its due time, or done late; not: done on time,
        # open and not yet due.
        self.make_deadline(self.wh_consultant, "PRJ-TRK-05")
        self.make_deadline(self.wh_consultant, "PRJ-TRK-05", state="done", late=True)
        self.make_deadline(self.wh_consultant, "PRJ-TRK-05", state="done")
        self.make_deadline(
            self.wh_consultant,
            "PRJ-TRK-05",
            due=fields.Datetime.now() + timedelta(days=3),
        )
        self.assertEqual(
            self.heat("PRJ-TRK-05", wuhan, "deadline"), before["deadline"] + 2
        )
        self.make_violation(self.wh_consultant)
        self.assertEqual(
            self.heat("ORG-RULE-05", wuhan, "violation"), before["violation"] + 1
        )
        # Beijing's cells did not move.
        self.assertEqual(self.heat("CON-SIGN-01", beijing), before["bj_finding"])
        self.assertEqual(self.heat("PRJ-TRK-05", beijing), before["bj_deadline"])
        self.assertEqual(self.heat("ORG-RULE-05", beijing), before["bj_violation"])
        row = self.Heatmap.search(
            [
                ("rule_code", "=", "PRJ-TRK-05"),
                ("company_id", "=", wuhan.id),
                ("month", "=", self.month),
                ("source", "=", "deadline"),
            ]
        )
        self.assertEqual(row.chapter, "PRJ")
        self.assertTrue(draft.exists())

    def test_heatmap_deadline_taken_as_evidence_counts_once(self):
        """A missed deadline that a finding took as its evidence counts once,
        as the finding."""
        deadline = self.make_deadline(self.wh_consultant, "PRJ-TRK-05")
        before_deadline = self.heat("PRJ-TRK-05", self.wuhan, "deadline")
        before_finding = self.heat("PRJ-TRK-05", self.wuhan, "finding")
        self.confirmed_finding(
            rule="PRJ-TRK-05", res_model="scm.deadline", res_id=deadline.id
        )
        self.assertEqual(
            self.heat("PRJ-TRK-05", self.wuhan, "deadline"), before_deadline - 1
        )
        self.assertEqual(
            self.heat("PRJ-TRK-05", self.wuhan, "finding"), before_finding + 1
        )

    def test_heatmap_pivot_rules_by_branch_most_breached_first(self):
        """The pivot's grouping: rules as rows, branches as columns, the rule
        most often breached first."""
        for _index in range(3):
            self.make_violation(self.wh_consultant)
        self.make_violation(self.bj_consultant)
        Heatmap = self.as_client(self.Heatmap, self.auditor)
        rows = Heatmap.read_group(
            [("month", "=", self.month)],
            ["count:sum"],
            ["rule_code"],
            orderby="count desc",
        )
        counts = [row["count"] for row in rows]
        self.assertEqual(counts, sorted(counts, reverse=True))
        cells = {
            (row["rule_code"], row["company_id"][0]): row["count"]
            for row in Heatmap.read_group(
                [("month", "=", self.month), ("rule_code", "=", "ORG-RULE-05")],
                ["count:sum"],
                ["rule_code", "company_id"],
                lazy=False,
            )
        }
        self.assertGreaterEqual(cells[("ORG-RULE-05", self.wuhan.id)], 3)
        self.assertGreaterEqual(cells[("ORG-RULE-05", self.beijing.id)], 1)

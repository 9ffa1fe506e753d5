from . import scm_audit_mixin
from . import scm_audit_unit_mixin
from . import mgmtsystem_audit
from . import mgmtsystem_nonconformity
from . import mgmtsystem_action
from . import scm_audit_report
from . import scm_audit_finding
from . import scm_audit_escalation
from . import scm_audit_proposal

# [areas]
from . import sat_survey_survey
from . import sat_survey
from . import sat_quarter
from . import report_scm_audit_finding
from . import report_scm_audit_heatmap
from . import report_scm_assessment_month
from . import detect_scm_audit_proposal
from . import detect_scm_audit_sample

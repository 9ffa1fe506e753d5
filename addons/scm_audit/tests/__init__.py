from . import test_audit_core
from . import test_i18n
from . import test_http_story

# [areas]
from . import test_sat_survey
from . import test_sat_security
from . import test_sat_list_queries
from . import test_report_heatmap
from . import test_report_rectification
from . import test_report_assessment
from . import test_report_access
from . import test_report_list_queries
from . import test_detect_queue
from . import test_detect_sample
from . import test_detect_list_queries
from . import test_tours

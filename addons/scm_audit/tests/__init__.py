from . import test_audit_core

# [areas]
from . import test_sat_survey
from . import test_sat_security
from . import test_sat_list_queries

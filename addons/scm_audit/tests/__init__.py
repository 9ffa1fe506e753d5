from . import test_audit_core

# [areas]
from . import test_detect_queue
from . import test_detect_sample
from . import test_detect_list_queries

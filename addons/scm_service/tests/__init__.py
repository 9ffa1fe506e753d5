from . import test_service_core

# [areas]
from . import test_customers_archive
from . import test_customers_plans
from . import test_hq_escalation
from . import test_hq_disc
from . import test_hq_handover
from . import test_requests_ticket
from . import test_requests_list_queries
from . import test_tours
from . import test_i18n
from . import test_demo_story
from . import test_http_story
from . import test_demo_list_queries

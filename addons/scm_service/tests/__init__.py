from . import test_service_core

# [areas]
from . import test_customers_archive
from . import test_customers_plans

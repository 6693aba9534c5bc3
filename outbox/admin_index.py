from accounts.admin_index import add

add("portal", ["outbox.Mail"])

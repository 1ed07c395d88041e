package org.zugong.access;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.organization.Organizations;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;

/** 系统管理: users (system administrator) and roles (security administrator). */
@Controller
class AccessPages {

    private final UserAdministration users;
    private final RoleAdministration roles;
    private final Organizations organizations;
    private final SecondFactors secondFactors;

    AccessPages(UserAdministration users, RoleAdministration roles, Organizations organizations, SecondFactors secondFactors) {
        this.users = users;
        this.roles = roles;
        this.organizations = organizations;
        this.secondFactors = secondFactors;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAnyAuthority('user:manage', 'user:unlock', 'role:manage')")
    String users(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("result", users.list(q, PageRequest.of(page, 20)));
        return "access/users";
    }

    @GetMapping("/admin/users/new")
    @PreAuthorize("hasAuthority('user:manage')")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm("", "", null, "", true, null));
        return userForm(model, null);
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasAuthority('user:manage')")
    String createUser(@Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                users.create(form);
                redirect.addFlashAttribute("message", "已创建用户 " + form.username());
                return "redirect:/admin/users";
            } catch (FieldErrors e) {
                e.copyTo(binding);
            }
        }
        return userForm(model, null);
    }

    @GetMapping("/admin/users/{id}")
    @PreAuthorize("hasAuthority('user:manage')")
    String editUser(@PathVariable long id, Model model) {
        UserAccount u = users.require(id);
        model.addAttribute("form", new UserForm(u.username(), u.displayName(), u.orgId(), "", u.enabled(), u.version()));
        return userForm(model, u);
    }

    @PostMapping("/admin/users/{id}")
    @PreAuthorize("hasAuthority('user:manage')")
    String updateUser(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
                      RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        UserAccount u = users.require(id);
        if (!binding.hasErrors()) {
            try {
                users.update(id, form);
                redirect.addFlashAttribute("message", "已保存用户 " + u.username());
                return "redirect:/admin/users";
            } catch (FieldErrors e) {
                e.copyTo(binding);
            } catch (EditConflictException e) {
                e.showOn(binding, response);
            }
        }
        return userForm(model, u);
    }

    @PostMapping("/admin/users/{id}/password")
    @PreAuthorize("hasAuthority('user:manage')")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            users.resetPassword(id, password);
            redirect.addFlashAttribute("message", "密码已重置，用户的 API 令牌已作废");
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    /** 分配角色: the security administrator's page for one account's roles. */
    @GetMapping("/admin/users/{id}/roles")
    @PreAuthorize("hasAuthority('role:manage')")
    String rolesOfUser(@PathVariable long id, Model model) {
        model.addAttribute("user", users.require(id));
        model.addAttribute("assigned", users.roleIdsOf(id));
        model.addAttribute("allRoles", roles.all().stream().filter(r -> !AccountKind.TALENT_ROLE.equals(r.code())).toList());
        return "access/user-roles";
    }

    @PostMapping("/admin/users/{id}/roles")
    @PreAuthorize("hasAuthority('role:manage')")
    String assignRoles(@PathVariable long id, @RequestParam(required = false) List<Long> roleIds, Model model,
                       RedirectAttributes redirect) {
        UserAccount u = users.require(id);
        try {
            users.assignRoles(id, roleIds == null ? List.of() : roleIds);
            redirect.addFlashAttribute("message", "已为 " + u.username() + " 分配角色；其已登录的会话已结束");
            return "redirect:/admin/users";
        } catch (FieldErrors e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("user", u);
            model.addAttribute("assigned", roleIds == null ? List.of() : roleIds);
            model.addAttribute("allRoles", roles.all().stream().filter(r -> !AccountKind.TALENT_ROLE.equals(r.code())).toList());
            return "access/user-roles";
        }
    }

    @PostMapping("/admin/users/{id}/unlock")
    @PreAuthorize("hasAuthority('user:unlock')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        users.unlock(id);
        redirect.addFlashAttribute("message", "已解锁");
        return "redirect:/admin/users";
    }

    /** 结束会话 (security administrator): every session and API token of the account ends. */
    @PostMapping("/admin/users/{id}/end-sessions")
    @PreAuthorize("hasAuthority('user:unlock')")
    String endSessions(@PathVariable long id, RedirectAttributes redirect) {
        UserAccount u = users.require(id);
        users.endSessions(id);
        redirect.addFlashAttribute("message", "已结束 " + u.username() + " 的全部会话和 API 令牌");
        return "redirect:/admin/users";
    }

    /** 重置动态口令 (security administrator): for a lost authenticator; the user binds a new one. */
    @PostMapping("/admin/users/{id}/second-factor/reset")
    @PreAuthorize("hasAuthority('user:unlock')")
    String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
        UserAccount u = users.require(id);
        try {
            secondFactors.reset(u);
            redirect.addFlashAttribute("message", "已重置 " + u.username() + " 的动态口令，其会话已结束");
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/roles")
    @PreAuthorize("hasAuthority('role:manage')")
    String roles(Model model) {
        model.addAttribute("roles", roles.all());
        model.addAttribute("permissionNames", Permissions.ALL);
        return "access/roles";
    }

    @GetMapping("/admin/roles/new")
    @PreAuthorize("hasAuthority('role:manage')")
    String newRole(Model model) {
        model.addAttribute("form", new RoleForm("", "", DataScope.ORG_AND_BELOW, List.of(), List.of(), false, null));
        return roleForm(model, null);
    }

    @PostMapping("/admin/roles")
    @PreAuthorize("hasAuthority('role:manage')")
    String createRole(@Valid @ModelAttribute("form") RoleForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                roles.create(form);
                redirect.addFlashAttribute("message", "已创建角色 " + form.name());
                return "redirect:/admin/roles";
            } catch (FieldErrors e) {
                e.copyTo(binding);
            }
        }
        return roleForm(model, null);
    }

    @GetMapping("/admin/roles/{id}")
    @PreAuthorize("hasAuthority('role:manage')")
    String editRole(@PathVariable long id, Model model) {
        RoleRecord r = roles.require(id);
        model.addAttribute("form", new RoleForm(r.code(), r.name(), r.dataScope(), List.copyOf(r.permissions()),
                List.copyOf(r.scopeOrgIds()), r.requiresSecondFactor(), r.version()));
        return roleForm(model, r);
    }

    @PostMapping("/admin/roles/{id}")
    @PreAuthorize("hasAuthority('role:manage')")
    String updateRole(@PathVariable long id, @Valid @ModelAttribute("form") RoleForm form, BindingResult binding, Model model,
                      RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        RoleRecord r = roles.require(id);
        if (!binding.hasErrors()) {
            try {
                roles.update(id, form);
                redirect.addFlashAttribute("message", "已保存角色 " + r.name());
                return "redirect:/admin/roles";
            } catch (FieldErrors e) {
                e.copyTo(binding);
            } catch (EditConflictException e) {
                e.showOn(binding, response);
            }
        }
        return roleForm(model, r);
    }

    private String userForm(Model model, UserAccount user) {
        model.addAttribute("user", user);
        model.addAttribute("roleNames", user == null ? List.of()
                : roles.all().stream().filter(r -> users.roleIdsOf(user.id()).contains(r.id())).map(RoleRecord::name).toList());
        UserForm form = (UserForm) model.getAttribute("form");
        if (form == null) {
            // A post that could not be bound at all (a crafted request without the enabled field): show the form afresh.
            form = user == null ? new UserForm("", "", null, "", false, null)
                    : new UserForm(user.username(), user.displayName(), user.orgId(), "", user.enabled(), user.version());
            model.addAttribute("form", form);
        }
        if (form.orgId() != null) {
            model.addAttribute("orgName", organizations.names(List.of(form.orgId())).get(form.orgId()));
        }
        return "access/user-form";
    }

    private String roleForm(Model model, RoleRecord role) {
        model.addAttribute("role", role);
        model.addAttribute("permissionNames", Permissions.ALL);
        model.addAttribute("scopes", DataScope.values());
        RoleForm form = (RoleForm) model.getAttribute("form");
        model.addAttribute("scopeOrgNames", form == null ? java.util.Map.of() : organizations.names(form.scopeOrgIds()));
        return "access/role-form";
    }
}

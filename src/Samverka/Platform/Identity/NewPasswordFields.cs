namespace Samverka.Platform.Identity;

/// A new password typed twice: the same rules wherever a password is chosen (registration, invitation, reset, change).
public abstract class NewPasswordFields
{
    [Display(Name = "Field.NewPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
    public string Password { get; set; } = "";

    [Display(Name = "Field.ConfirmPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    public string ConfirmPassword { get; set; } = "";
}
